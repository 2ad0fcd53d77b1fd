package fr.saisine.intake.complaint.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import fr.saisine.events.Category;
import fr.saisine.events.ComplainantType;
import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.Language;
import fr.saisine.events.Residence;
import fr.saisine.events.RespondentType;

/**
 * {@code GET /api/v1/complaints/{reference}}: the complaint as filed. Its own type, so that the
 * API and the event can each grow without dragging the other; field names are a contract, add
 * but never rename.
 */
@Schema(name = "Complaint", description = "The complaint as filed; a field left empty is null")
record ComplaintView(
        @Schema(requiredMode = REQUIRED) String reference,
        @Schema(requiredMode = REQUIRED) Instant submittedAt,
        @Schema(requiredMode = REQUIRED) Complainant complainant,
        @Schema(requiredMode = REQUIRED) Respondent respondent,
        @Schema(requiredMode = REQUIRED) Category category,
        @Schema(requiredMode = REQUIRED) String subject,
        @Schema(requiredMode = REQUIRED) String facts,
        @Schema(requiredMode = REQUIRED) Language language,
        @Schema(requiredMode = REQUIRED, description = "the files sent with the complaint; each is downloaded from "
                + "/api/v1/complaints/{reference}/attachments/{id}") List<AttachmentView> attachments) {

    @Schema(name = "ComplaintAttachment")
    record AttachmentView(
            @Schema(requiredMode = REQUIRED, format = "uuid") String id,
            @Schema(requiredMode = REQUIRED, description = "the name it was sent with, made safe to show and save") String filename,
            @Schema(requiredMode = REQUIRED, description = "as detected from the content") String contentType,
            @Schema(requiredMode = REQUIRED, description = "bytes", minimum = "0") long size,
            @Schema(requiredMode = REQUIRED, pattern = "^[0-9a-f]{64}$") String sha256) {
    }

    @Schema(name = "ComplaintComplainant")
    record Complainant(
            @Schema(requiredMode = REQUIRED) ComplainantType type,
            @Schema(requiredMode = REQUIRED) String name,
            String email,
            @Schema(requiredMode = REQUIRED) List<Representative> representatives,
            @Schema(requiredMode = REQUIRED) PostalAddress postalAddress,
            @Schema(requiredMode = REQUIRED) Residence residence) {
    }

    @Schema(name = "ComplaintRepresentative")
    record Representative(@Schema(requiredMode = REQUIRED) String name, String role, String email) {
    }

    @Schema(name = "ComplaintPostalAddress")
    record PostalAddress(
            @Schema(requiredMode = REQUIRED) String street,
            @Schema(requiredMode = REQUIRED) String postalCode,
            @Schema(requiredMode = REQUIRED) String city,
            @Schema(requiredMode = REQUIRED) String country) {
    }

    @Schema(name = "ComplaintRespondent")
    record Respondent(@Schema(requiredMode = REQUIRED) String name, @Schema(requiredMode = REQUIRED) RespondentType type, String activity) {
    }

    static ComplaintView of(ComplaintSubmitted filed) {
        var who = filed.complainant();
        var address = who.postalAddress();
        return new ComplaintView(filed.reference(), filed.submittedAt(),
                new Complainant(who.type(), who.name(), who.email(),
                        who.representatives() == null ? List.of() : who.representatives().stream()
                                .map(r -> new Representative(r.name(), r.role(), r.email())).toList(),
                        new PostalAddress(address.street(), address.postalCode(), address.city(), address.country()),
                        who.residence()),
                new Respondent(filed.respondent().name(), filed.respondent().type(), filed.respondent().activity()),
                filed.category(), filed.subject(), filed.facts(), filed.language(),
                filed.attachments().stream().map(a -> new AttachmentView(a.id(), a.filename(), a.contentType(), a.size(),
                        a.sha256())).toList());
    }
}
