package fr.saisine.intake.complaint.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import fr.saisine.intake.complaint.domain.SubmittedComplaint;

/** The answer to a complaint filed through the API: field names are a contract, add but never rename. */
record FiledComplaint(
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "to be quoted in all correspondence",
                pattern = "^[0-9]{8}$") String reference,
        @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "SUBMITTED") String status,
        @Schema(requiredMode = RequiredMode.REQUIRED) Instant submittedAt) {

    static FiledComplaint of(SubmittedComplaint submitted) {
        return new FiledComplaint(submitted.reference(), submitted.status(), submitted.submittedAt());
    }
}
