package fr.saisine.intake.complaint.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.saisine.events.CaseMovedToSector;
import fr.saisine.events.ComplaintTriaged;
import fr.saisine.platform.access.CaseSectors;
import fr.saisine.platform.events.EventJson;

/**
 * Learns from complaint-events which sector each case is in ({@code learnCaseSectors}), so that
 * a complaint is read back only by the staff of its sector, without asking triage.
 */
@Configuration(proxyBeanMethods = false)
class CaseSectorsConfiguration {

    @Bean
    Consumer<Message<byte[]>> learnCaseSectors(EventJson json, CaseSectors sectors) {
        return message -> json.read(message.getPayload()).ifPresent(envelope -> {
            switch (envelope.payload()) {
                case ComplaintTriaged triaged -> sectors.remember(triaged);
                case CaseMovedToSector move -> sectors.moved(move);
                default -> {
                    // the rest of the lifecycle does not change who may read the complaint
                }
            }
        });
    }
}
