package fr.saisine.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import fr.saisine.intake.attachment.domain.ContentTypes;
import fr.saisine.intake.attachment.domain.Upload;
import fr.saisine.testsupport.SampleFiles;

class ContentTypesTest {

    final ContentTypes types = new ContentTypes();

    static Upload upload(byte[] bytes) {
        return new Upload() {
            public String filename() {
                return "x";
            }

            public String declaredType() {
                return null;
            }

            public long size() {
                return bytes.length;
            }

            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    String detect(byte[] bytes) throws Exception {
        return types.detect(upload(bytes));
    }

    @Test
    void shouldTellEachAcceptedKindFromItsContentAlone() throws Exception {
        assertThat(detect(SampleFiles.pdf())).isEqualTo("application/pdf");
        assertThat(detect(SampleFiles.png())).isEqualTo("image/png");
        assertThat(detect(SampleFiles.text())).isEqualTo("text/plain");
        assertThat(detect(SampleFiles.eml())).isEqualTo("message/rfc822");
        assertThat(detect(SampleFiles.odt())).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(detect(SampleFiles.docx())).isEqualTo(ContentTypes.DOCX);
    }

    @Test
    void shouldNotTakeAnyArchiveForAWordDocument() throws Exception {
        assertThat(detect(SampleFiles.zipOf("[Content_Types].xml", "<Types/>"))).isNotEqualTo(ContentTypes.DOCX);
        assertThat(detect(SampleFiles.zipOf("lettre.txt", "bonjour"))).isEqualTo("application/zip");
    }

    @Test
    void shouldSeeHtmlForWhatItIs() throws Exception {
        assertThat(detect(SampleFiles.html())).isEqualTo("text/html");
    }

    @Test
    void shouldAcceptAliasesAndKindsOfTheClaimedType() {
        assertThat(types.agrees("image/jpeg", "image/jpeg")).isTrue();
        assertThat(types.agrees("message/rfc822", "text/plain")).isTrue();
        assertThat(types.agrees("application/pdf", "application/octet-stream")).isTrue();
        assertThat(types.agrees("text/plain", "text/plain; charset=UTF-8")).isTrue();
        assertThat(types.agrees("image/png", "application/pdf")).isFalse();
        assertThat(types.agrees("text/plain", "message/rfc822")).isFalse();
    }
}
