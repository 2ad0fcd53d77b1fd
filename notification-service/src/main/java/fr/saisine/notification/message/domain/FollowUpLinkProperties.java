package fr.saisine.notification.message.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the complainants' follow-up pages are ({@code saisine.notification.follow-up.url}, the
 * public address of intake's {@code /suivi/}): a link is this followed by the token.
 */
@ConfigurationProperties("saisine.notification.follow-up")
public record FollowUpLinkProperties(@DefaultValue("http://127.0.0.1:8081/suivi/") String url) {
}
