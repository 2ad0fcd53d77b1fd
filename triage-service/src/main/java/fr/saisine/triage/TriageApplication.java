package fr.saisine.triage;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Routes each complaint into a sector's queue, where staff take it up. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TriageApplication {

    /** Millisecond ticks: what MongoDB keeps. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    public static void main(String[] args) {
        SpringApplication.run(TriageApplication.class, args);
    }
}
