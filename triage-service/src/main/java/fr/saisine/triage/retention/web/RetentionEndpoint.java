package fr.saisine.triage.retention.web;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

import fr.saisine.triage.retention.domain.EliminationRecord;
import fr.saisine.triage.retention.domain.Eliminations;
import fr.saisine.triage.retention.domain.RetentionRun;

/**
 * {@code POST /actuator/retention}: the retention schedule applied now, answered with the run's
 * elimination record; {@code GET /actuator/retention/{runId}}: that record as it fills with the
 * services' answers. On the management port, bound to loopback: what the operator's
 * {@code ./saisine retention run} calls (docs/operations.md); never on the public API.
 */
@Component
@Endpoint(id = "retention")
class RetentionEndpoint {

    private final RetentionRun run;
    private final Eliminations eliminations;

    RetentionEndpoint(RetentionRun run, Eliminations eliminations) {
        this.run = run;
        this.eliminations = eliminations;
    }

    @WriteOperation
    EliminationRecord runNow() {
        return run.run();
    }

    @ReadOperation
    EliminationRecord record(@Selector String runId) {
        return eliminations.find(runId).orElse(null);
    }
}
