package fr.saisine.intake.pages.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import fr.saisine.intake.retention.RetentionProperties;

/**
 * What the information notice of GDPR art. 13 states that configuration holds: who the controller
 * is, and each retention period in words, read from the settings that apply them ({@code
 * saisine.retention.*}, {@code saisine.kafka.*-retention-ms}) so that the notice cannot drift from
 * the schedule. The form's short notice and the page of its own read the same facts.
 */
@Component
public class PersonalDataNotice {

    /**
     * @param afterClosing a case's file, from its closing
     * @param clientAddress the connection's address, kept by the rate limit
     * @param submissionTraces what stops one form or API request from filing twice
     * @param abandonedUploads files of a filing that never completed
     * @param transport the copies carried between the services; {@code deadLetters} those set aside on an error
     * @param languageCookie the page language's cookie
     */
    public record Facts(AuthorityProperties authority, String afterClosing, String clientAddress,
            String submissionTraces, String abandonedUploads, String transport, String deadLetters,
            String languageCookie) {
    }

    private final AuthorityProperties authority;
    private final RetentionProperties retention;
    private final PeriodWords words;
    private final Duration transport;
    private final Duration deadLetters;

    PersonalDataNotice(AuthorityProperties authority, RetentionProperties retention, PeriodWords words,
            @Value("${saisine.kafka.transport-retention-ms}") long transportMs,
            @Value("${saisine.kafka.dead-letter-retention-ms}") long deadLettersMs) {
        this.authority = authority;
        this.retention = retention;
        this.words = words;
        this.transport = Duration.ofMillis(transportMs);
        this.deadLetters = Duration.ofMillis(deadLettersMs);
        // a wrong setting stops the start, rather than the notice's page
        words.of(retention.afterClosing(), Locale.FRENCH);
    }

    public Facts facts(Locale locale) {
        return new Facts(authority, words.of(retention.afterClosing(), locale), words.of(retention.rateSlots(), locale),
                words.of(Collections.max(List.of(retention.formTokens(), retention.submissionKeys())), locale),
                words.of(retention.abandonedUploads(), locale), words.of(transport, locale), words.of(deadLetters, locale),
                words.of(PageLanguageConfiguration.COOKIE_AGE, locale));
    }
}
