package fr.saisine.intake.attachment.domain;

import java.io.IOException;
import java.io.InputStream;

/** A file as received, before anything is believed of it: the name and type are the sender's word. */
public interface Upload {

    String filename();

    /** The part's Content-Type, or null. */
    String declaredType();

    long size();

    InputStream open() throws IOException;
}
