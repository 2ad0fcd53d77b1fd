package fr.saisine.notification.message.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

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
 * {@code .html}, the shared pieces under {@code letters/parts/}, the subjects, objects and the words
 * of the address line in {@code letters/letters.<language>.properties}. Every letter is one the
 * authority could sign (CRPA L212-1): its letterhead, a date line, "N/Réf." and "Instruction du
 * dossier" once the case is assigned, the reference, an object, the salutation, and the signature
 * of the sector's signatory ({@link AuthorityProperties}). A closing letter is a decision: in French
 * whatever the language chosen, followed by a translation for who chose English, and rendered as a
 * PDF too ({@link DecisionPdfs}). docs/letters.md shows each one and lists its variables.
 */
@Component
public class LetterWriter {

    public static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final Map<Language, Properties> words = new EnumMap<>(Language.class);
    private final AuthorityProperties authority;
    private final LetterProperties properties;
    private final DecisionPdfRenderer pdfs;

    public LetterWriter(AuthorityProperties authority, LetterProperties properties, DecisionPdfRenderer pdfs) {
        this.authority = authority;
        this.properties = properties;
        this.pdfs = pdfs;
        for (Language language : Language.values()) {
            words.put(language, load("letters/letters." + language.name() + ".properties"));
        }
    }

    /** The acknowledgement, to one recipient, addressed to them alone. */
    public Letter acknowledgement(Correspondent correspondent, Correspondent.Recipient recipient,
            ComplaintTriaged triaged, LocalDate writtenOn) {
        Language language = correspondent.languageOrFrench();
        CaseHandling handling = new CaseHandling(triaged.sector().code(), triaged.sector().name(), null);
        Context context = context(MessageKind.ACKNOWLEDGEMENT, correspondent, handling, writtenOn, language,
                List.of(addresseeOf(correspondent, recipient)));
        context.setVariable("recipientName", recipient.name());
        return write(MessageKind.ACKNOWLEDGEMENT, language, correspondent.reference(), context);
    }

    /** A fresh follow-up link, to the one recipient who asked for it. */
    public Letter followUpLink(Correspondent correspondent, Correspondent.Recipient recipient, CaseHandling handling,
            LocalDate writtenOn) {
        Language language = correspondent.languageOrFrench();
        Context context = context(MessageKind.FOLLOW_UP_LINK, correspondent, handling, writtenOn, language,
                List.of(addresseeOf(correspondent, recipient)));
        context.setVariable("recipientName", recipient.name());
        return write(MessageKind.FOLLOW_UP_LINK, language, correspondent.reference(), context);
    }

    /**
     * A letter about the case, the same to every recipient: it addresses them all together. The
     * closing letter is a decision: see {@link LetterWriter}.
     *
     * @param details the variables of this kind of letter (docs/letters.md), dates as {@link LocalDate}
     */
    public Letter letter(MessageKind kind, Correspondent correspondent, CaseHandling handling, LocalDate writtenOn,
            Map<String, ?> details) {
        if (kind == MessageKind.CLOSED) {
            return decision(correspondent, handling, writtenOn, details);
        }
        Language language = correspondent.languageOrFrench();
        Context context = caseContext(kind, correspondent, handling, writtenOn, language, details);
        return write(kind, language, correspondent.reference(), context);
    }

    /**
     * The decision in French; for a complainant who chose English, its translation follows, said to
     * be one (the French text is authoritative). The PDF holds the same, without the indicative last
     * day: that depends on the day the mail server takes the email, after the PDF was made.
     */
    private Letter decision(Correspondent correspondent, CaseHandling handling, LocalDate writtenOn,
            Map<String, ?> details) {
        Language chosen = correspondent.languageOrFrench();
        String reference = correspondent.reference();
        Context french = caseContext(MessageKind.CLOSED, correspondent, handling, writtenOn, Language.fr, details);
        String subject = subject(MessageKind.CLOSED, Language.fr, reference);
        String body = text.process(template(MessageKind.CLOSED, Language.fr), french);
        String page = html.process(template(MessageKind.CLOSED, Language.fr), french);
        french.setVariable("pdf", true);
        String pdfPage = html.process(template(MessageKind.CLOSED, Language.fr), french);
        if (chosen != Language.fr) {
            Context translation = caseContext(MessageKind.CLOSED, correspondent, handling, writtenOn, chosen, details);
            translation.setVariable("translation", true);
            subject = subject + " / " + subject(MessageKind.CLOSED, chosen, reference);
            body = body + "\n\n" + text.process(template(MessageKind.CLOSED, chosen), translation);
            page = appendBody(page, html.process(template(MessageKind.CLOSED, chosen), translation));
            translation.setVariable("pdf", true);
            pdfPage = appendBody(pdfPage, html.process(template(MessageKind.CLOSED, chosen), translation));
        }
        String title = authority.shortName() + " - " + subject(MessageKind.CLOSED, Language.fr, reference);
        return new Letter(subject, tidy(body), page, pdfs.render(pdfPage, title));
    }

    private Context caseContext(MessageKind kind, Correspondent correspondent, CaseHandling handling,
            LocalDate writtenOn, Language language, Map<String, ?> details) {
        Context context = context(kind, correspondent, handling, writtenOn, language,
                correspondent.addresseesOrRecipients());
        details.forEach((name, value) -> context.setVariable(name,
                value instanceof LocalDate day ? date(day, language) : value));
        return context;
    }

    private Context context(MessageKind kind, Correspondent correspondent, CaseHandling handling, LocalDate writtenOn,
            Language language, List<Correspondent.Addressee> addressees) {
        Context context = new Context(Locale.forLanguageTag(language.name()));
        Properties w = words.get(language);
        String reference = correspondent.reference();
        context.setVariable("reference", reference);
        context.setVariable("complainantName", correspondent.complainantName());
        context.setVariable("complaintSubject", correspondent.subject());
        context.setVariable("respondentName", correspondent.respondentName());
        context.setVariable("sectorName", handling == null ? null : handling.sectorName());
        LocalDate submittedOn = LocalDate.ofInstant(correspondent.submittedAt(), FRANCE);
        context.setVariable("submittedOn", date(submittedOn, language));
        context.setVariable("writtenOn", date(writtenOn, language));
        // who speaks
        context.setVariable("authorityName", authority.name());
        context.setVariable("authorityShortName", authority.shortName());
        context.setVariable("president", authority.president());
        context.setVariable("serviceName", authority.service());
        context.setVariable("authorityAddress", authority.postalAddress());
        context.setVariable("authorityPhone", authority.phone());
        context.setVariable("authorityEmail", authority.email());
        context.setVariable("authorityWebsite", authority.website());
        context.setVariable("dpoContact", authority.dpoContact());
        context.setVariable("dateLine", w.getProperty("date-line").replace("{city}", authority.city())
                .replace("{date}", date(writtenOn, language)));
        String assignee = handling == null ? null : blankToNull(handling.assignee());
        context.setVariable("assigneeName", assignee);
        context.setVariable("ourReference", assignee == null ? null
                : String.join("/", handling.sectorCode() == null ? List.of(initials(assignee), reference)
                        : List.of(handling.sectorCode(), initials(assignee), reference)));
        AuthorityProperties.Signatory signatory = authority.signatory(handling == null ? null : handling.sectorCode());
        context.setVariable("signatoryName", signatory.name());
        context.setVariable("signatoryTitle", signatory.title());
        context.setVariable("delegation", language == Language.fr || signatory.delegationEn() == null
                ? signatory.delegation() : signatory.delegationEn());
        // to whom, about what
        context.setVariable("object", w.getProperty("object." + kind.name()).replace("{reference}", reference)
                .replace("{subject}", correspondent.subject() == null ? "" : correspondent.subject()));
        context.setVariable("attention", Addressing.attentionLine(addressees, correspondent.organisation(),
                w.getProperty("and"), w.getProperty("attention"), w.getProperty("attention.before-vowel")));
        String salutation = Addressing.salutation(addressees, correspondent.organisation(), language == Language.fr);
        context.setVariable("salutation", salutation);
        context.setVariable("salutationInFormula", salutation.substring(0, salutation.length() - 1));
        context.setVariable("delayApology", writtenOn.isAfter(submittedOn.plus(properties.delayApologyAfter())));
        // the link is minted when the letter is sent, never written here (FollowUpLinks)
        context.setVariable("followUpLink", FollowUpLinks.PLACEHOLDER);
        // so is the day the mail server takes it, and the last day to appeal computed from it (SendingDay)
        context.setVariable("sentOn", SendingDay.sentOn(language));
        context.setVariable("lastDay", SendingDay.lastDay(language, correspondent.residenceOrMetropolitan()));
        context.setVariable("residence", correspondent.residenceOrMetropolitan().name());
        context.setVariable("pdf", false);
        context.setVariable("translation", false);
        return context;
    }

    private Letter write(MessageKind kind, Language language, String reference, Context context) {
        String template = template(kind, language);
        return new Letter(subject(kind, language, reference), tidy(text.process(template, context)),
                html.process(template, context));
    }

    private String subject(MessageKind kind, Language language, String reference) {
        return words.get(language).getProperty("subject." + kind.name()).replace("{reference}", reference);
    }

    private static String template(MessageKind kind, Language language) {
        return kind.name().toLowerCase(Locale.ROOT) + "." + language.name();
    }

    /** The recipient as the complaint names them, with their role when it gives one. */
    private static Correspondent.Addressee addresseeOf(Correspondent correspondent,
            Correspondent.Recipient recipient) {
        return correspondent.addresseesOrRecipients().stream().filter(a -> a.name().equals(recipient.name()))
                .findFirst().orElse(new Correspondent.Addressee(recipient.name(), null));
    }

    /** The translation's body after the original's, in one page. */
    private static String appendBody(String page, String translation) {
        int start = translation.indexOf('>', translation.indexOf("<body")) + 1;
        int end = translation.lastIndexOf("</body>");
        int close = page.lastIndexOf("</body>");
        return page.substring(0, close) + translation.substring(start, end) + page.substring(close);
    }

    /** "Agnès Durand" gives "AD", "Jean-Pierre de La Fontaine" "JPLF": the particles in lower case are left out. */
    static String initials(String name) {
        return Arrays.stream(name.strip().split("[\\s\\-]+"))
                .filter(part -> !part.isEmpty() && Character.isUpperCase(part.charAt(0)))
                .map(part -> Normalizer.normalize(part.substring(0, 1), Normalizer.Form.NFD).substring(0, 1))
                .collect(Collectors.joining()).toUpperCase(Locale.ROOT);
    }

    /** "3 janvier 2026", "1er mai 2026", "4 March 2026". */
    public static String date(LocalDate day, Language language) {
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

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
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
