package fr.saisine.triage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Routes each complaint into a sector's queue, where staff take it up. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TriageApplication {

    public static void main(String[] args) {
        SpringApplication.run(TriageApplication.class, args);
    }
}
