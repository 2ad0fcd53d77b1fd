package fr.saisine.intake.complaint.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** What a multipart submission holds, for the API's description only: Spring reads the parts one by one. */
@Schema(name = "ComplaintWithAttachments", description = "multipart/form-data: the complaint as JSON, and its files")
record ComplaintWithAttachments(
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "the complaint, as the JSON body of a plain "
                + "submission; the part's Content-Type must be application/json") ComplaintRequest complaint,
        @ArraySchema(maxItems = 10, schema = @Schema(type = "string", format = "binary", description = "a file: PDF, "
                + "JPEG, PNG, WebP, plain text, ODT, DOCX or e-mail (EML), as its content shows; 10MB at most, "
                + "30MB for all together (the defaults)")) List<byte[]> attachments) {
}
