package fr.saisine.testsupport;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Pulls the text/plain body out of a (possibly nested multipart) MIME message. */
public final class MimeText {

    private MimeText() {
    }

    public static String plainText(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String text = plainText(child);
                    if (text != null) {
                        return text;
                    }
                }
            }
            return null;
        }
        catch (Exception ex) {
            throw new IllegalStateException("unreadable MIME part", ex);
        }
    }
}
