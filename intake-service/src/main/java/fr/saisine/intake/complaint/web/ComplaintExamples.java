package fr.saisine.intake.complaint.web;

/**
 * The examples of the complaints API's description (/v3/api-docs): the complaint of the design's
 * own story, an elected group with two co-presidents, every one of whom is written to.
 */
final class ComplaintExamples {

    static final String ELECTED_GROUP = """
            {
              "complainant": {
                "type": "ORGANISATION",
                "name": "Groupe des élus écologistes",
                "representatives": [
                  {"name": "Alice Martin", "role": "co-présidente", "email": "alice.martin@example.org"},
                  {"name": "Bruno Petit", "role": "co-président", "email": "bruno.petit@example.org"}
                ],
                "postalAddress": {"street": "1 place de la Mairie", "postalCode": "69001", "city": "Lyon", "country": "FR"},
                "residence": "METROPOLITAN_FRANCE"
              },
              "respondent": {"name": "Commune de Lyon", "type": "PUBLIC_BODY", "activity": "commune"},
              "category": "VIDEO_SURVEILLANCE",
              "subject": "Reconnaissance faciale aux abords des écoles",
              "facts": "La commune expérimente la reconnaissance faciale par les caméras installées devant les écoles, sans information des parents.",
              "language": "fr",
              "attachments": [
                {"id": "5b1f0c7e-8d2a-4f4e-9c3b-0a6d2e9f1c44", "filename": "courrier-mairie.pdf",
                 "contentType": "application/pdf", "size": 184320,
                 "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}
              ]
            }""";

    static final String PERSON = """
            {
              "complainant": {
                "type": "PERSON",
                "name": "Jeanne Dupont",
                "email": "jeanne.dupont@example.org",
                "postalAddress": {"street": "3 rue des Lilas", "postalCode": "75011", "city": "Paris", "country": "FR"},
                "residence": "METROPOLITAN_FRANCE"
              },
              "respondent": {"name": "Banque Exemple", "type": "COMPANY", "activity": "banque"},
              "category": "ACCESS_RIGHT",
              "subject": "Pas de réponse à ma demande d'accès",
              "facts": "J'ai écrit deux fois à ma banque pour obtenir mes données, sans réponse."
            }""";

    static final String FILED = """
            {"reference": "26000001", "status": "SUBMITTED", "submittedAt": "2026-03-02T09:15:27.412Z"}""";

    static final String AS_FILED = """
            {
              "reference": "26000001",
              "submittedAt": "2026-03-02T09:15:27.412Z",
              "complainant": {
                "type": "ORGANISATION",
                "name": "Groupe des élus écologistes",
                "email": null,
                "representatives": [
                  {"name": "Alice Martin", "role": "co-présidente", "email": "alice.martin@example.org"},
                  {"name": "Bruno Petit", "role": "co-président", "email": "bruno.petit@example.org"}
                ],
                "postalAddress": {"street": "1 place de la Mairie", "postalCode": "69001", "city": "Lyon", "country": "FR"},
                "residence": "METROPOLITAN_FRANCE"
              },
              "respondent": {"name": "Commune de Lyon", "type": "PUBLIC_BODY", "activity": "commune"},
              "category": "VIDEO_SURVEILLANCE",
              "subject": "Reconnaissance faciale aux abords des écoles",
              "facts": "La commune expérimente la reconnaissance faciale par les caméras installées devant les écoles, sans information des parents.",
              "language": "fr",
              "attachments": [
                {"id": "5b1f0c7e-8d2a-4f4e-9c3b-0a6d2e9f1c44", "filename": "courrier-mairie.pdf",
                 "contentType": "application/pdf", "size": 184320,
                 "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}
              ]
            }""";

    static final String INVALID = """
            {"type": "/problems/invalid-complaint", "title": "The complaint is invalid", "status": 400,
             "detail": "2 fields are invalid", "instance": "/api/v1/complaints",
             "requestId": "0f4b7c7e-3f6e-4d8a-9a57-8c2b1e6d5a10",
             "errors": [{"field": "complainant.email", "message": "cette adresse électronique n'est pas valide"},
                        {"field": "subject", "message": "donnez un objet à la plainte"}]}""";

    static final String IN_FLIGHT = """
            {"type": "/problems/request-in-flight", "title": "The complaint is being filed", "status": 409,
             "detail": "a request with this Idempotency-Key is still being processed; retry in a moment for its answer",
             "instance": "/api/v1/complaints", "requestId": "0f4b7c7e-3f6e-4d8a-9a57-8c2b1e6d5a10"}""";

    static final String TOO_LARGE = """
            {"type": "/problems/content-too-large", "title": "The request body is too large", "status": 413,
             "detail": "a complaint is at most 256KB of JSON", "instance": "/api/v1/complaints"}""";

    static final String KEY_REUSED = """
            {"type": "/problems/idempotency-key-reused", "title": "The Idempotency-Key was used for another complaint",
             "status": 422,
             "detail": "this Idempotency-Key came with a different complaint; send a new key with each new complaint",
             "instance": "/api/v1/complaints", "requestId": "0f4b7c7e-3f6e-4d8a-9a57-8c2b1e6d5a10"}""";

    static final String ATTACHMENT_TOO_LARGE = """
            {"type": "/problems/attachment-too-large", "title": "The attachments are too large", "status": 413,
             "detail": "the file releve.pdf is over 10MB, the largest a file may be", "instance": "/api/v1/complaints",
             "limit": "max-file-size", "file": "releve.pdf", "requestId": "0f4b7c7e-3f6e-4d8a-9a57-8c2b1e6d5a10"}""";

    static final String UNSUPPORTED_ATTACHMENT = """
            {"type": "/problems/unsupported-attachment", "title": "An attachment is not accepted", "status": 415,
             "detail": "the file photo.pdf is named as application/pdf but its content is image/png",
             "instance": "/api/v1/complaints", "file": "photo.pdf",
             "requestId": "0f4b7c7e-3f6e-4d8a-9a57-8c2b1e6d5a10"}""";

    private ComplaintExamples() {
    }
}
