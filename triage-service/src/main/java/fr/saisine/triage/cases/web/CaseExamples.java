package fr.saisine.triage.cases.web;

/**
 * The examples of the staff API's description (/v3/api-docs): the elected group's complaint about
 * facial recognition near schools, routed to APSF and flagged high priority, as agent-apsf sees it.
 */
final class CaseExamples {

    static final String CASE = """
            {
              "reference": "26000001", "version": 2, "status": "UNDER_REVIEW", "statusLabel": "en cours d'instruction",
              "sector": {"code": "APSF", "name": "Affaires publiques, sociales et financières"},
              "matchedRule": "public-bodies", "routingReason": "organisation type PUBLIC_BODY",
              "priority": "HIGH", "priorityReason": "mentions 'reconnaissance faciale'",
              "subject": "Reconnaissance faciale aux abords des écoles", "respondent": "Commune de Lyon",
              "category": "VIDEO_SURVEILLANCE", "submittedAt": "2026-03-02T09:15:27.412Z",
              "assignee": {"username": "agent-apsf", "name": "Agent APSF"},
              "outcome": null, "referredTo": null, "question": null,
              "allowedTransitions": [
                {"status": "INFORMATION_REQUESTED", "label": "complément demandé au plaignant"},
                {"status": "INTERVENTION", "label": "intervention auprès de l'organisme"},
                {"status": "CLOSED", "label": "clôturée"}],
              "related": [],
              "history": [
                {"status": "TRIAGED", "label": "orientée", "at": "2026-03-02T09:15:28.020Z", "actor": null,
                 "note": null, "outcome": null, "referredTo": null, "question": null, "letter": null,
                 "complainant": null, "answer": null, "withdrawalReason": null, "attachments": []},
                {"status": "UNDER_REVIEW", "label": "en cours d'instruction", "at": "2026-03-03T10:02:11.500Z",
                 "actor": {"username": "agent-apsf", "name": "Agent APSF"}, "note": "à instruire en priorité",
                 "outcome": null, "referredTo": null, "question": null, "letter": null,
                 "complainant": null, "answer": null, "withdrawalReason": null, "attachments": []}],
              "sectorMoves": [],
              "notes": [{"text": "Voir la délibération du conseil municipal.",
                         "author": {"username": "agent-apsf", "name": "Agent APSF"}, "at": "2026-03-03T10:05:00Z"}],
              "letters": [
                {"messageId": "26000001:ACKNOWLEDGEMENT:alice.martin@example.org", "kind": "ACKNOWLEDGEMENT",
                 "recipient": "alice.martin@example.org", "subject": "Accusé de réception de votre plainte n° 26000001",
                 "status": "SENT", "at": "2026-03-02T09:15:30.100Z", "reason": null}],
              "attachments": [
                {"id": "5b1f0c7e-8d2a-4f4e-9c3b-0a6d2e9f1c44", "filename": "courrier-mairie.pdf",
                 "contentType": "application/pdf", "size": 184320,
                 "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}],
              "respondentType": "PUBLIC_BODY",
              "underLegalHold": false,
              "legalHolds": [],
              "anonymisedAt": null
            }""";

    static final String QUEUE = """
            {"sector": {"code": "APSF", "name": "Affaires publiques, sociales et financières"}, "open": 1,
             "total": 1, "page": 0, "size": 50,
             "cases": [{"reference": "26000001", "status": "UNDER_REVIEW", "priority": "HIGH",
                        "subject": "Reconnaissance faciale aux abords des écoles", "respondent": "Commune de Lyon",
                        "submittedAt": "2026-03-02T09:15:27.412Z"}]}""";

    static final String COUNTS = """
            {"sectors": [{"sector": {"code": "APSF", "name": "Affaires publiques, sociales et financières"},
              "open": 3, "byStatus": {"SUBMITTED": 0, "TRIAGED": 2, "UNDER_REVIEW": 1, "INFORMATION_REQUESTED": 0,
                                       "INTERVENTION": 0, "CLOSED": 5, "REOPENED": 0}}]}""";

    static final String SEARCH = """
            {"query": "dupont", "total": 1, "page": 0, "size": 50,
             "cases": [{"reference": "26000001", "subject": "Reconnaissance faciale aux abords des écoles",
                        "complainant": "Hélène Dupont", "respondent": "Commune de Lyon", "status": "UNDER_REVIEW",
                        "sector": {"code": "APSF", "name": "Affaires publiques, sociales et financières"},
                        "submittedAt": "2026-03-02T09:15:27.412Z"}]}""";

    static final String TAKE_UNDER_REVIEW = """
            {"to": "UNDER_REVIEW", "note": "à instruire en priorité"}""";

    static final String CLOSE = """
            {"to": "CLOSED", "outcome": "REMINDER_OF_OBLIGATIONS", "note": "rappel envoyé à la commune",
             "letter": "La commune a été rappelée à ses obligations et a suspendu l'expérimentation."}""";

    static final String ASK = """
            {"to": "INFORMATION_REQUESTED", "question": "Pouvez-vous nous transmettre la délibération du conseil municipal ?"}""";

    static final String STALE = """
            {"type": "/problems/stale-case", "title": "The case has changed", "status": 412,
             "detail": "case 26000001 has changed since version 2 (it is at version 3): reload it and try again",
             "instance": "/api/v1/cases/26000001/transitions", "requestId": "0f4b7c7e-3f6e-4d8a-9a57-8c2b1e6d5a10"}""";

    static final String PRECONDITION_REQUIRED = """
            {"type": "/problems/precondition-required", "title": "If-Match required", "status": 428,
             "detail": "send If-Match with the ETag of the case as you last read it, so that a change made by someone else since is not overwritten",
             "instance": "/api/v1/cases/26000001/transitions", "requestId": "0f4b7c7e-3f6e-4d8a-9a57-8c2b1e6d5a10"}""";

    static final String NOT_ALLOWED = """
            {"type": "/problems/transition-not-allowed", "title": "Transition not allowed", "status": 409,
             "detail": "a case TRIAGED cannot go to CLOSED; from TRIAGED it can go to [UNDER_REVIEW]", "instance": "/api/v1/cases/26000001/transitions",
             "requestId": "0f4b7c7e-3f6e-4d8a-9a57-8c2b1e6d5a10", "caseStatus": "TRIAGED",
             "allowedTransitions": ["UNDER_REVIEW"]}""";

    static final String INVALID_CHANGE = """
            {"type": "/problems/invalid-change", "title": "The change is incomplete or invalid", "status": 400,
             "detail": "outcome: a closure needs its outcome", "instance": "/api/v1/cases/26000001/transitions",
             "requestId": "0f4b7c7e-3f6e-4d8a-9a57-8c2b1e6d5a10",
             "errors": [{"field": "outcome", "message": "a closure needs its outcome"}]}""";

    private CaseExamples() {
    }
}
