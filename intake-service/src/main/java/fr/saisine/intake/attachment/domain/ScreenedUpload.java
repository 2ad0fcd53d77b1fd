package fr.saisine.intake.attachment.domain;

/** A file that passed screening: its name made safe, its type as its content says. */
public record ScreenedUpload(Upload upload, String filename, String contentType) {
}
