package fr.saisine.notification.message;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import fr.saisine.events.Category;
import fr.saisine.events.ClosureOutcome;
import fr.saisine.events.ComplainantType;
import fr.saisine.events.ComplaintStatus;
import fr.saisine.events.ComplaintStatusChanged;
import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.Language;
import fr.saisine.events.Residence;
import fr.saisine.events.RespondentType;
import fr.saisine.events.StaffActor;

/** Triage's lifecycle events for the seed case, as the tests of the letters play triage's part. */
final class LifecycleFixtures {

    static final String APSF_NAME = "Affaires publiques, sociales et financières";
    static final ComplaintTriaged.Sector APSF = new ComplaintTriaged.Sector("APSF", APSF_NAME);
    static final StaffActor AGENT = new StaffActor("sub-agent-apsf", "agent-apsf", "Agnès Durand");
    static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private LifecycleFixtures() {
    }

    /** The Groupe des élus écologistes, through its two co-presidents, living where said. */
    static ComplaintSubmitted submitted(String reference, String alice, String bruno, Language language,
            Residence residence) {
        return new ComplaintSubmitted(reference, Instant.now(),
                new ComplaintSubmitted.Complainant(ComplainantType.ORGANISATION, "Groupe des élus écologistes", null,
                        List.of(new ComplaintSubmitted.Representative("Alice Martin", "co-présidente", alice),
                                new ComplaintSubmitted.Representative("Bruno Petit", "co-président", bruno)),
                        new ComplaintSubmitted.PostalAddress("1 place de la Mairie", "69001", "Lyon", "FR"), residence),
                new ComplaintSubmitted.Respondent("Commune de Lyon", RespondentType.PUBLIC_BODY, "commune"),
                Category.VIDEO_SURVEILLANCE, "Caméras dans les écoles", "Les faits.", language);
    }

    static ComplaintStatusChanged change(String reference, long version, ComplaintStatus from, ComplaintStatus to) {
        return new ComplaintStatusChanged(reference, version, from, to, null, null, null, null, AGENT, APSF,
                Instant.now());
    }

    static ComplaintStatusChanged question(String reference, long version, String question) {
        return new ComplaintStatusChanged(reference, version, ComplaintStatus.UNDER_REVIEW,
                ComplaintStatus.INFORMATION_REQUESTED, null, null, question, null, AGENT, APSF, Instant.now());
    }

    static ComplaintStatusChanged closed(String reference, long version, ClosureOutcome outcome, String letter) {
        return new ComplaintStatusChanged(reference, version, ComplaintStatus.INTERVENTION, ComplaintStatus.CLOSED,
                outcome, null, null, letter, AGENT, APSF, Instant.now());
    }

    /** A day as the French letters write it: "4 mars 2026", "1er mai 2026". */
    static String frenchDate(LocalDate day) {
        return (day.getDayOfMonth() == 1 ? "1er" : String.valueOf(day.getDayOfMonth())) + " "
                + DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH).format(day);
    }

    static String englishDate(LocalDate day) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(day);
    }
}
