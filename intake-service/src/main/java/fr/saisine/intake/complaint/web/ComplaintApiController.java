package fr.saisine.intake.complaint.web;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.saisine.intake.complaint.domain.ComplaintIntake;
import fr.saisine.intake.complaint.domain.KeyedIntake;
import fr.saisine.intake.complaint.domain.KeyedSubmission;
import fr.saisine.intake.complaint.domain.SubmissionKey;
import fr.saisine.intake.complaint.domain.SubmittedComplaint;
import fr.saisine.platform.security.StaffMember;

/**
 * The complaints API: file a complaint, once per {@code Idempotency-Key} when the client sends
 * one; read one back as filed.
 */
@RestController
@RequestMapping(path = "/api/v1/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
class ComplaintApiController {

    /** Says that the answer is the one given to an earlier request with the same key (as Stripe does). */
    static final String REPLAYED = "Idempotent-Replayed";

    private final ComplaintIntake intake;
    private final KeyedIntake keyedIntake;
    private final RequestFingerprint fingerprint;
    private final ComplaintsReceived received;

    ComplaintApiController(ComplaintIntake intake, KeyedIntake keyedIntake, RequestFingerprint fingerprint,
            ComplaintsReceived received) {
        this.intake = intake;
        this.keyedIntake = keyedIntake;
        this.fingerprint = fingerprint;
        this.received = received;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SubmittedComplaint> submit(@Valid @RequestBody ComplaintRequest request,
            @RequestHeader(name = IdempotencyProblems.HEADER, required = false) String idempotencyKey) {
        if (idempotencyKey == null) {
            return created(received.byApi(intake.submit(request.toNewComplaint())), false);
        }
        if (!SubmissionKey.isWellFormed(idempotencyKey)) {
            throw IdempotencyProblems.invalidKey();
        }
        var key = new SubmissionKey(SubmissionKey.Scope.API, idempotencyKey);
        return switch (keyedIntake.submit(key, fingerprint.of(request), request.toNewComplaint())) {
            case KeyedSubmission.Filed filed -> created(received.byApi(filed.complaint()), false);
            case KeyedSubmission.Replayed replayed -> created(replayed.complaint(), true);
            case KeyedSubmission.InFlight inFlight -> throw IdempotencyProblems.inFlight();
            case KeyedSubmission.KeyReused reused -> throw IdempotencyProblems.keyReused();
        };
    }

    private static ResponseEntity<SubmittedComplaint> created(SubmittedComplaint submitted, boolean replayed) {
        var answer = ResponseEntity.created(URI.create("/api/v1/complaints/" + submitted.reference()));
        if (replayed) {
            answer.header(REPLAYED, "true");
        }
        return answer.body(submitted);
    }

    @GetMapping("/{reference}")
    ComplaintView complaint(@PathVariable String reference, StaffMember staff) {
        return ComplaintView.of(intake.read(staff, reference));
    }
}
