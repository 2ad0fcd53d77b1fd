package fr.saisine.notification.message.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Period;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** A letter writer as the service has it, its authority bound from the service's own application.yml. */
public final class TestLetterWriters {

    private static AuthorityProperties authority;
    private static DecisionPdfRenderer pdfs;

    private TestLetterWriters() {
    }

    public static synchronized AuthorityProperties authority() {
        if (authority == null) {
            try {
                var sources = new YamlPropertySourceLoader().load("application.yml",
                        new ClassPathResource("application.yml"));
                authority = new Binder(ConfigurationPropertySources.from(sources))
                        .bind("saisine.authority", AuthorityProperties.class).get();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return authority;
    }

    public static LetterWriter writer() {
        return writer(authority());
    }

    public static synchronized LetterWriter writer(AuthorityProperties authority) {
        if (pdfs == null) {
            pdfs = new DecisionPdfRenderer();
        }
        return new LetterWriter(authority, new LetterProperties(Period.ofMonths(6)), pdfs);
    }
}
