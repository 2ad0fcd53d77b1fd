package fr.saisine.triage.datasubject;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where triage asks the other services for their parts of a data subject's request
 * ({@code saisine.data-subjects.*}, each overridable by environment: SAISINE_DATA_SUBJECTS_INTAKE_URL...).
 *
 * @param intakeUrl intake-service's API, as this service reaches it
 * @param notificationUrl notification-service's API, as this service reaches it
 * @param connectTimeout how long to wait for a connection to either
 * @param timeout how long to wait for a whole answer (a part, or one file)
 */
@ConfigurationProperties("saisine.data-subjects")
public record DataSubjectProperties(
        @DefaultValue("http://127.0.0.1:8081") URI intakeUrl,
        @DefaultValue("http://127.0.0.1:8083") URI notificationUrl,
        @DefaultValue("PT3S") Duration connectTimeout,
        @DefaultValue("PT60S") Duration timeout) {
}
