package fr.saisine.triage.cases.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.saisine.events.ClosureOutcome;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.triage.cases.domain.Case;
import fr.saisine.triage.cases.domain.CaseStatus;
import fr.saisine.triage.cases.domain.CaseWork;
import fr.saisine.triage.cases.domain.TransitionRequest;

/**
 * Staff changing a case: each change names, in {@code If-Match}, the version it was decided on,
 * and answers the case as it now is with its new ETag.
 */
@RestController
@RequestMapping(path = "/api/v1/cases/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
class CaseWorkApiController {

    private final CaseWork work;
    private final CaseViews views;

    CaseWorkApiController(CaseWork work, CaseViews views) {
        this.work = work;
        this.views = views;
    }

    record TransitionBody(CaseStatus to, ClosureOutcome outcome, String referredTo, String question, String note,
            String letter) {
    }

    record AssigneeBody(String assignee) {
    }

    record SectorBody(String sector, String reason) {
    }

    record NoteBody(String text) {
    }

    @PostMapping("/transitions")
    ResponseEntity<CaseView> transition(@PathVariable String reference, StaffMember staff,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody TransitionBody body) {
        long seen = CaseETag.version(ifMatch);
        var request = new TransitionRequest(body.to(), body.outcome(), body.referredTo(), body.question(), body.note(),
                body.letter());
        return answer(work.transition(staff, reference, seen, request));
    }

    @PostMapping("/assignee")
    ResponseEntity<CaseView> assign(@PathVariable String reference, StaffMember staff,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AssigneeBody body) {
        return answer(work.assign(staff, reference, CaseETag.version(ifMatch), body.assignee()));
    }

    @PostMapping("/sector")
    ResponseEntity<CaseView> moveToSector(@PathVariable String reference, StaffMember staff,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody SectorBody body) {
        return answer(work.moveToSector(staff, reference, CaseETag.version(ifMatch), body.sector(), body.reason()));
    }

    /** A note is added to the latest version, whatever it is: no If-Match needed. */
    @PostMapping("/notes")
    ResponseEntity<CaseView> note(@PathVariable String reference, StaffMember staff, @RequestBody NoteBody body) {
        return answer(work.addNote(staff, reference, body.text()));
    }

    private ResponseEntity<CaseView> answer(Case changed) {
        return ResponseEntity.ok().eTag(CaseETag.of(changed.version())).body(views.of(changed));
    }
}
