package fr.saisine.notification.message.progress;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.saisine.notification.message.domain.ProgressNotices;
import fr.saisine.platform.polling.JobLeases;

@Configuration(proxyBeanMethods = false)
class ProgressConfiguration {

    @Bean
    ProgressCheck progressCheck(ProgressNotices notices, ProgressProperties properties, Clock clock,
            JobLeases leases) {
        return new ProgressCheck(notices, properties, clock, leases);
    }
}
