package fr.saisine.notification.message.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.Language;
import fr.saisine.events.MessageKind;
import fr.saisine.notification.correspondent.Correspondent;

/**
 * Writes letters from the templates under {@code letters/}: {@code <kind>.<language>.txt} and
 * {@code .html}, the shared pieces under {@code letters/parts/}, the subjects and the words of the
 * address line in {@code letters/letters.<language>.properties}. Every letter quotes the reference
 * and the sector handling the complaint; docs/letters.md shows each one and lists its variables.
 */
@Component
public class LetterWriter {

    static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final Map<Language, Properties> words = new EnumMap<>(Language.class);

    public LetterWriter() {
        for (Language language : Language.values()) {
            words.put(language, load("letters/letters." + language.name() + ".properties"));
        }
    }

    /** The acknowledgement, to one recipient by name. */
    public Letter acknowledgement(Correspondent correspondent, Correspondent.Recipient recipient,
            ComplaintTriaged triaged) {
        Language language = correspondent.languageOrFrench();
        Context context = context(correspondent, triaged.sector().name());
        context.setVariable("recipientName", recipient.name());
        return write(MessageKind.ACKNOWLEDGEMENT, language, correspondent.reference(), context);
    }

    /** A fresh follow-up link, to the one recipient who asked for it. */
    public Letter followUpLink(Correspondent correspondent, Correspondent.Recipient recipient) {
        Context context = context(correspondent, null);
        context.setVariable("recipientName", recipient.name());
        return write(MessageKind.FOLLOW_UP_LINK, correspondent.languageOrFrench(), correspondent.reference(), context);
    }

    /**
     * A letter about the case, the same to every recipient: it addresses them all together.
     *
     * @param details the variables of this kind of letter (docs/letters.md), dates as {@link LocalDate}
     */
    public Letter letter(MessageKind kind, Correspondent correspondent, String sectorName, LocalDate writtenOn,
            Map<String, ?> details) {
        Language language = correspondent.languageOrFrench();
        Context context = context(correspondent, sectorName);
        Properties w = words.get(language);
        context.setVariable("attention", Addressing.attentionLine(correspondent.addresseesOrRecipients(),
                correspondent.organisation(), w.getProperty("and"), w.getProperty("attention"),
                w.getProperty("attention.before-vowel")));
        context.setVariable("writtenOn", date(writtenOn, language));
        details.forEach((name, value) -> context.setVariable(name,
                value instanceof LocalDate day ? date(day, language) : value));
        return write(kind, language, correspondent.reference(), context);
    }

    private Context context(Correspondent correspondent, String sectorName) {
        Language language = correspondent.languageOrFrench();
        Context context = new Context(Locale.forLanguageTag(language.name()));
        context.setVariable("reference", correspondent.reference());
        context.setVariable("complainantName", correspondent.complainantName());
        context.setVariable("complaintSubject", correspondent.subject());
        context.setVariable("respondentName", correspondent.respondentName());
        context.setVariable("sectorName", sectorName);
        context.setVariable("submittedOn", date(LocalDate.ofInstant(correspondent.submittedAt(), FRANCE), language));
        // the link is minted when the letter is sent, never written here (FollowUpLinks)
        context.setVariable("followUpLink", FollowUpLinks.PLACEHOLDER);
        return context;
    }

    private Letter write(MessageKind kind, Language language, String reference, Context context) {
        String template = kind.name().toLowerCase(Locale.ROOT) + "." + language.name();
        String subject = words.get(language).getProperty("subject." + kind.name()).replace("{reference}", reference);
        return new Letter(subject, tidy(text.process(template, context)), html.process(template, context));
    }

    /** "3 janvier 2026", "1er mai 2026", "4 March 2026". */
    static String date(LocalDate day, Language language) {
        Locale locale = Locale.forLanguageTag(language.name());
        String dayOfMonth = language == Language.fr && day.getDayOfMonth() == 1 ? "1er" : String.valueOf(day.getDayOfMonth());
        return dayOfMonth + " " + DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(day);
    }

    /**
     * A line holding only a template instruction ({@code [# th:if ...]}) leaves an empty line: so
     * that the templates stay readable, paragraphs are kept one blank line apart, no more.
     */
    static String tidy(String letter) {
        return letter.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip() + "\n";
    }

    private static Properties load(String resource) {
        try (InputStream in = LetterWriter.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("letters/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
