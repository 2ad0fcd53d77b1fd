package fr.saisine.intake;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Receives complaints from the public form and the API, and gives each its reference. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IntakeApplication {

    /** Millisecond ticks: what MongoDB keeps, so the time we answer is the time we store. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    public static void main(String[] args) {
        SpringApplication.run(IntakeApplication.class, args);
    }
}
