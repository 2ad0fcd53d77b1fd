package fr.saisine.notification.message.progress;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.saisine.notification.message.domain.ProgressNotices;

@Configuration(proxyBeanMethods = false)
class ProgressConfiguration {

    @Bean
    ProgressCheck progressCheck(ProgressNotices notices, ProgressProperties properties, Clock clock) {
        return new ProgressCheck(notices, properties, clock);
    }
}
