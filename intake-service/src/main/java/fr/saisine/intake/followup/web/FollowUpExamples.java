package fr.saisine.intake.followup.web;

/** The examples of the follow-up API's description: Alice Martin, co-president of the elected group, asked a question. */
final class FollowUpExamples {

    static final String TOKEN = "q3Vx2yJ8pZk1b0cWmN4rT7uE5sA9dF6gH2jK8lL0oPz";

    static final String FOLLOW_UP = """
            {
              "reference": "26000001",
              "status": "INFORMATION_REQUESTED",
              "statusLabel": "Précisions demandées : nous attendons votre réponse",
              "statusAt": "2026-03-03T10:00:00Z",
              "question": "Pouvez-vous nous transmettre les photographies des panneaux d'information ?",
              "outcome": null,
              "outcomeLabel": null,
              "validUntil": null,
              "history": [
                {"status": "SUBMITTED", "label": "Déposée", "at": "2026-01-12T09:30:00Z", "outcome": null},
                {"status": "TRIAGED", "label": "Orientée vers le service qui l'instruira", "at": "2026-01-12T09:31:00Z", "outcome": null},
                {"status": "UNDER_REVIEW", "label": "En cours d'instruction", "at": "2026-02-02T14:00:00Z", "outcome": null},
                {"status": "INFORMATION_REQUESTED", "label": "Précisions demandées : nous attendons votre réponse", "at": "2026-03-03T10:00:00Z", "outcome": null}
              ],
              "letters": [
                {"kind": "ACKNOWLEDGEMENT", "label": "Accusé de réception", "subject": "Accusé de réception de votre plainte n° 26000001", "sentAt": "2026-01-12T09:31:02Z"},
                {"kind": "UNDER_REVIEW", "label": "Instruction en cours", "subject": "Votre plainte n° 26000001 : instruction en cours", "sentAt": "2026-02-02T14:00:03Z"},
                {"kind": "INFORMATION_REQUESTED", "label": "Demande de précisions", "subject": "Votre plainte n° 26000001 : demande de précisions", "sentAt": "2026-03-03T10:00:02Z"}
              ],
              "actions": ["ANSWER", "WITHDRAW"]
            }""";

    static final String ANSWER = """
            {"text": "Voici les photographies : les panneaux n'apparaissent qu'à l'entrée principale."}""";

    static final String ANSWER_RECEIVED = """
            {"reference": "26000001", "receivedAt": "2026-03-05T18:12:40Z"}""";

    static final String WITHDRAWAL = """
            {"reference": "26000001", "withdrawal": "REQUESTED"}""";

    static final String ALREADY_WITHDRAWN = """
            {"reference": "26000001", "withdrawal": "ALREADY_REQUESTED"}""";

    static final String NOT_FOUND = """
            {"type": "/problems/not-found", "title": "Not Found", "status": 404,
             "detail": "no complaint can be followed with this link: it is wrong, or it has expired",
             "instance": "/api/v1/follow-up/q3Vx2yJ8pZk1b0cWmN4rT7uE5sA9dF6gH2jK8lL0oPz",
             "requestId": "0f4b7c7e-3f6e-4d8a-9a57-8c2b1e6d5a10"}""";

    static final String NOT_AWAITED = """
            {"type": "/problems/answer-not-awaited", "title": "No answer awaited", "status": 409,
             "detail": "the question has been answered already; the case awaits no other answer",
             "instance": "/api/v1/follow-up/q3Vx2yJ8pZk1b0cWmN4rT7uE5sA9dF6gH2jK8lL0oPz/answers",
             "caseStatus": "INFORMATION_REQUESTED", "requestId": "0f4b7c7e-3f6e-4d8a-9a57-8c2b1e6d5a10"}""";

    static final String CASE_CLOSED = """
            {"type": "/problems/case-closed", "title": "The case is closed", "status": 409,
             "detail": "the case is closed: there is nothing left to withdraw",
             "instance": "/api/v1/follow-up/q3Vx2yJ8pZk1b0cWmN4rT7uE5sA9dF6gH2jK8lL0oPz/withdrawal",
             "requestId": "0f4b7c7e-3f6e-4d8a-9a57-8c2b1e6d5a10"}""";

    static final String INVALID = """
            {"type": "/problems/invalid-follow-up-request", "title": "The request is invalid", "status": 400,
             "detail": "1 field is invalid",
             "instance": "/api/v1/follow-up/q3Vx2yJ8pZk1b0cWmN4rT7uE5sA9dF6gH2jK8lL0oPz/answers",
             "errors": [{"field": "text", "message": "écrivez votre réponse"}],
             "requestId": "0f4b7c7e-3f6e-4d8a-9a57-8c2b1e6d5a10"}""";

    private FollowUpExamples() {
    }
}
