package fr.saisine.intake.complaint.web;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.saisine.intake.complaint.domain.ComplaintIntake;
import fr.saisine.intake.complaint.domain.SubmittedComplaint;
import fr.saisine.platform.security.StaffMember;

/** The complaints API: file a complaint, read one back as filed. */
@RestController
@RequestMapping(path = "/api/v1/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
class ComplaintApiController {

    private final ComplaintIntake intake;

    ComplaintApiController(ComplaintIntake intake) {
        this.intake = intake;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SubmittedComplaint> submit(@Valid @RequestBody ComplaintRequest request) {
        SubmittedComplaint submitted = intake.submit(request.toNewComplaint());
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + submitted.reference())).body(submitted);
    }

    @GetMapping("/{reference}")
    ComplaintView complaint(@PathVariable String reference, StaffMember staff) {
        return ComplaintView.of(intake.read(staff, reference));
    }
}
