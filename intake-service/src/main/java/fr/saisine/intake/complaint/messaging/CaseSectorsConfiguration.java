package fr.saisine.intake.complaint.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.saisine.events.CaseMovedToSector;
import fr.saisine.events.ComplaintTriaged;
import fr.saisine.platform.access.CaseSectors;
import fr.saisine.platform.events.ConsumedEvent;
import fr.saisine.platform.events.EventBatches;

/**
 * Learns from complaint-events which sector each case is in ({@code learnCaseSectors}), so that
 * a complaint is read back only by the staff of its sector, without asking triage.
 */
@Configuration(proxyBeanMethods = false)
class CaseSectorsConfiguration {

    /** A poll at once: its routings in one write, then its moves in order (see EventBatches for failures). */
    @Bean
    Consumer<Message<Object>> learnCaseSectors(EventBatches batches, CaseSectors sectors) {
        String span = "consume learnCaseSectors";
        Consumer<ConsumedEvent> alone = event -> {
            switch (event.payload()) {
                case ComplaintTriaged triaged -> sectors.remember(triaged);
                case CaseMovedToSector move -> sectors.moved(move);
                default -> {
                    // the rest of the lifecycle does not change who may read the complaint
                }
            }
        };
        return poll -> batches.consume(poll, span, events -> {
            sectors.rememberAll(EventBatches.payloads(events, ComplaintTriaged.class));
            batches.each(EventBatches.ofType(events, CaseMovedToSector.class), span, alone);
        }, alone);
    }
}
