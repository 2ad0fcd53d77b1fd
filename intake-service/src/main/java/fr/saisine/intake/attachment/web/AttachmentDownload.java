package fr.saisine.intake.attachment.web;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import fr.saisine.events.ComplaintSubmitted.Attachment;
import fr.saisine.intake.attachment.domain.Attachments;

/**
 * A stored file as a download, the same to an API client and to a browser: always saved, never shown
 * inline, with its type as detected when it was sent, and nothing cached on the way.
 */
public final class AttachmentDownload {

    private AttachmentDownload() {
    }

    public static ResponseEntity<Resource> of(Attachment attachment, Attachments attachments) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .contentLength(attachment.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                // opened by mistake in the browser, it runs nothing and loads nothing
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noStore())
                .body(new InputStreamResource(attachments.open(attachment)));
    }
}
