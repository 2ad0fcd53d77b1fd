package fr.saisine.intake.attachment.domain;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

/**
 * What a file is, from its bytes (tika-core's magic numbers), and what its name or declared type
 * claims. tika-core tells PDF, JPEG, PNG, WebP, text, e-mail and ODT (whose first entry names its
 * type) apart by itself, but sees a DOCX only as an OOXML container: the Word document is
 * recognised here by the main part its {@code [Content_Types].xml} declares, which is all that
 * tika-parser-microsoft-module would add for this, with Apache POI.
 */
@Component
public class ContentTypes {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String WORD_MAIN_PART = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static final MediaType OOXML = MediaType.application("x-tika-ooxml");
    /** Enough to find the parts list of a real document, little enough that no crafted archive costs much. */
    private static final int MAX_ENTRIES = 200;
    private static final int MAX_PARTS_LIST = 256 * 1024;

    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
    private final MediaTypeRegistry registry = types.getMediaTypeRegistry();

    /** The type the content shows, without parameters; {@code application/octet-stream} when it shows none. */
    public String detect(Upload upload) throws IOException {
        MediaType detected;
        try (InputStream in = new BufferedInputStream(upload.open())) {
            detected = types.detect(in, new Metadata());
        }
        if (detected.equals(OOXML) || detected.equals(MediaType.APPLICATION_ZIP)) {
            try (InputStream in = upload.open()) {
                if (isWordDocument(in)) {
                    return DOCX;
                }
            }
        }
        return detected.getBaseType().toString();
    }

    /** The type the file's name implies, or null when its name implies none. */
    public String impliedByName(String filename) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        MediaType byName = types.detect(null, metadata);
        return MediaType.OCTET_STREAM.equals(byName) ? null : byName.getBaseType().toString();
    }

    /**
     * Whether a file of type {@code actual} may be called {@code claimed}: the same type (aliases
     * included: image/jpg is image/jpeg), or a kind of it (an e-mail is a kind of text/plain).
     */
    public boolean agrees(String actual, String claimed) {
        MediaType claimedType = MediaType.parse(claimed);
        if (claimedType == null) {
            return false;
        }
        MediaType a = registry.normalize(MediaType.parse(actual));
        MediaType c = registry.normalize(claimedType.getBaseType());
        return registry.isInstanceOf(a, c);
    }

    private static boolean isWordDocument(InputStream in) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            for (int i = 0; i < MAX_ENTRIES && (entry = zip.getNextEntry()) != null; i++) {
                if ("[Content_Types].xml".equals(entry.getName())) {
                    String parts = new String(zip.readNBytes(MAX_PARTS_LIST), StandardCharsets.UTF_8);
                    return parts.contains("\"" + WORD_MAIN_PART + "\"");
                }
            }
            return false;
        }
        catch (IOException | IllegalArgumentException notAZip) {
            return false;
        }
    }
}
