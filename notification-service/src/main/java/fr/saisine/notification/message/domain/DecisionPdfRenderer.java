package fr.saisine.notification.message.domain;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.stereotype.Component;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;

/**
 * Renders a decision's page (well-formed XHTML) as a PDF/A-2u, the archival PDF: every font
 * embedded, hence the letters' own font, DejaVu Sans (free licence, letters/fonts/LICENSE), the only
 * one the page may use; the sRGB colour profile Java ships as its output intent.
 */
@Component
public class DecisionPdfRenderer {

    static final String FONT = "DejaVu Sans";

    private final byte[] regular = resource("letters/fonts/DejaVuSans.ttf");
    private final byte[] bold = resource("letters/fonts/DejaVuSans-Bold.ttf");
    private final byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /** @param title the document's title, in its metadata (PDF/A asks for one) */
    public byte[] render(String xhtml, String title) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfAConformance(PdfAConformance.PDFA_2_U);
            builder.usePdfUaAccessbility(false);
            builder.useColorProfile(srgb);
            builder.useFont(() -> new ByteArrayInputStream(regular), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(bold), FONT, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.withProducer("Saisine");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot render the decision " + title + " as PDF", ex);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = DecisionPdfRenderer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
