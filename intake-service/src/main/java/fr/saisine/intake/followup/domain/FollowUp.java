package fr.saisine.intake.followup.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What one link holder sees: their case, the letters sent to them, until when the link opens it
 * (null while the case is open) and what they can do now.
 */
public record FollowUp(IssuedLink link, FollowUpCase followUpCase, List<SentLetter> letters, LocalDate validUntil,
        boolean answered, boolean withdrawalRequested) {

    /** What the complainant can do on the page. */
    public enum Action {
        /** answer the question the case awaits an answer to */
        ANSWER,
        /** withdraw the complaint */
        WITHDRAW
    }

    public List<Action> actions() {
        List<Action> actions = new ArrayList<>();
        if (followUpCase.awaitsAnswer() && !answered) {
            actions.add(Action.ANSWER);
        }
        if (!followUpCase.isClosed() && !withdrawalRequested) {
            actions.add(Action.WITHDRAW);
        }
        return actions;
    }

    public String reference() {
        return followUpCase.reference();
    }
}
