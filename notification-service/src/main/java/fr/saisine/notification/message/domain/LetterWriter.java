package fr.saisine.notification.message.domain;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.Language;
import fr.saisine.events.MessageKind;
import fr.saisine.notification.correspondent.Correspondent;

/**
 * Writes letters from the templates under {@code letters/}: {@code <kind>.<language>.txt} and
 * {@code .html}. Every letter quotes the reference and the sector handling the complaint.
 */
@Component
public class LetterWriter {

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final Map<Language, String> ACKNOWLEDGEMENT_SUBJECTS = Map.of(
            Language.fr, "Accusé de réception de votre plainte n° %s",
            Language.en, "Acknowledgement of your complaint no. %s");

    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");

    public Letter acknowledgement(Correspondent correspondent, Correspondent.Recipient recipient,
            ComplaintTriaged triaged) {
        Language language = correspondent.language() == null ? Language.fr : correspondent.language();
        Locale locale = Locale.forLanguageTag(language.name());
        Context context = new Context(locale);
        context.setVariable("reference", triaged.reference());
        context.setVariable("recipientName", recipient.name());
        context.setVariable("complainantName", correspondent.complainantName());
        context.setVariable("complaintSubject", correspondent.subject());
        context.setVariable("sectorName", triaged.sector().name());
        context.setVariable("submittedOn", DateTimeFormatter.ofPattern("d MMMM yyyy", locale)
                .format(correspondent.submittedAt().atZone(FRANCE)));
        String template = MessageKind.ACKNOWLEDGEMENT.name().toLowerCase(Locale.ROOT) + "." + language.name();
        return new Letter(ACKNOWLEDGEMENT_SUBJECTS.get(language).formatted(triaged.reference()),
                text.process(template, context), html.process(template, context));
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
