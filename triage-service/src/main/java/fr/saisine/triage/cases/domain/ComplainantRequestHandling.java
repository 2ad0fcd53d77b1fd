package fr.saisine.triage.cases.domain;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.saisine.events.ComplainantAnswered;
import fr.saisine.events.WithdrawalRequested;

/**
 * Applies what a complainant asked through their follow-up link (intake's events) to the case.
 * There is no If-Match here: the request is applied to the latest version, retried past a change
 * staff made at the same moment, and decided by the case itself, so a redelivery, or a request the
 * case has moved past, changes nothing.
 */
@Service
public class ComplainantRequestHandling {

    private static final Logger log = LoggerFactory.getLogger(ComplainantRequestHandling.class);
    static final int ATTEMPTS = 20;

    private final Cases cases;
    private final Clock clock;

    ComplainantRequestHandling(Cases cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    public void answered(ComplainantAnswered answer) {
        apply(answer.reference(), "answer", c -> c.answered(answer, clock.instant()));
    }

    public void withdrawn(WithdrawalRequested withdrawal) {
        apply(withdrawal.reference(), "withdrawal", c -> c.withdrawn(withdrawal, clock.instant()));
    }

    private void apply(String reference, String what, Function<Case, Optional<Case.Change>> decide) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            // a complaint's events come in order: its case exists before any request about it
            Case current = cases.find(reference).orElseThrow(() -> new IllegalStateException(
                    "a complainant's " + what + " for " + reference + ", which has no case"));
            Optional<Case.Change> change = decide.apply(current);
            if (change.isEmpty()) {
                log.info("complainant's {} for {} changes nothing (case {} at version {})", what, reference,
                        current.state().status(), current.version());
                return;
            }
            if (cases.save(change.get())) {
                log.info("complainant's {} applied to {}: now {}", what, reference, change.get().state().status());
                return;
            }
        }
        // retried by the binder, then dead-lettered: never dropped
        throw new IllegalStateException("the complainant's " + what + " for " + reference + " lost " + ATTEMPTS
                + " races with staff changes");
    }
}
