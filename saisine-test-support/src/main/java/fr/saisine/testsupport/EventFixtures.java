package fr.saisine.testsupport;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import fr.saisine.events.Category;
import fr.saisine.events.ComplainantType;
import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.Event;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.Language;
import fr.saisine.events.Priority;
import fr.saisine.events.Residence;
import fr.saisine.events.RespondentType;
import tools.jackson.databind.json.JsonMapper;

/** Events as the services publish them, for tests that play another service's part. */
public final class EventFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventFixtures() {
    }

    /** A reference no real allocation gives in tests: year 99. */
    public static String testReference() {
        return "99" + String.format("%06d", ThreadLocalRandom.current().nextInt(1, 1_000_000));
    }

    /** That many test references, all different. */
    public static List<String> testReferences(int count) {
        Set<String> references = new LinkedHashSet<>();
        while (references.size() < count) {
            references.add(testReference());
        }
        return List.copyOf(references);
    }

    public static ComplaintSubmitted submitted(String reference, Instant submittedAt, String respondent,
            RespondentType type, String activity, Category category, String subject) {
        return new ComplaintSubmitted(reference, submittedAt,
                new ComplaintSubmitted.Complainant(ComplainantType.PERSON, "Jeanne Dupont",
                        "jeanne-" + reference + "@example.org", List.of(),
                        new ComplaintSubmitted.PostalAddress("1 rue de la Paix", "75002", "Paris", "FR"),
                        Residence.METROPOLITAN_FRANCE),
                new ComplaintSubmitted.Respondent(respondent, type, activity), category, subject,
                "Les faits, en détail.", Language.fr);
    }

    /** An organisation speaking through two co-presidents, each with an address. */
    public static ComplaintSubmitted submittedByAnOrganisation(String reference, String firstEmail,
            String secondEmail, Language language) {
        return new ComplaintSubmitted(reference, Instant.now(),
                new ComplaintSubmitted.Complainant(ComplainantType.ORGANISATION, "Groupe des élus écologistes", null,
                        List.of(new ComplaintSubmitted.Representative("Alice Martin", "co-présidente", firstEmail),
                                new ComplaintSubmitted.Representative("Bruno Petit", "co-président", secondEmail)),
                        new ComplaintSubmitted.PostalAddress("1 place de la Mairie", "69001", "Lyon", "FR"),
                        Residence.METROPOLITAN_FRANCE),
                new ComplaintSubmitted.Respondent("Commune de Lyon", RespondentType.PUBLIC_BODY, "commune"),
                Category.VIDEO_SURVEILLANCE, "Caméras dans les écoles", "Les faits.", language);
    }

    public static ComplaintTriaged triaged(String reference, String sectorCode, String sectorName) {
        return new ComplaintTriaged(reference, Instant.now(), new ComplaintTriaged.Sector(sectorCode, sectorName),
                "public-bodies", Priority.NORMAL, List.of());
    }

    /** The JSON of a new envelope around the event, as it travels on a topic. */
    public static String json(Event event) {
        return json(EventEnvelope.wrap(event, Instant.now()));
    }

    public static String json(EventEnvelope<?> envelope) {
        return JSON.writeValueAsString(envelope);
    }
}
