package fr.saisine.notification.message.domain;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How letters are written ({@code saisine.notification.*}).
 *
 * @param delayApologyAfter a letter about a case filed longer ago than this apologises for the time
 *        taken (SAISINE_NOTIFICATION_DELAY_APOLOGY_AFTER)
 */
@ConfigurationProperties("saisine.notification")
public record LetterProperties(@DefaultValue("P6M") Period delayApologyAfter) {
}
