package fr.saisine.triage.audit.messaging;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.saisine.events.AccessAudited;
import fr.saisine.platform.events.UnreadableEventException;
import fr.saisine.triage.audit.domain.AuditLog;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Gathers every service's audit records from audit-events into the one audit log ({@code gatherAuditRecords}). */
@Configuration(proxyBeanMethods = false)
class AuditTrailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditTrailConfiguration.class);

    @Bean
    Consumer<Message<byte[]>> gatherAuditRecords(JsonMapper json, AuditLog auditLog) {
        return message -> {
            AccessAudited record;
            try {
                record = json.readValue(message.getPayload(), AccessAudited.class);
            }
            catch (JacksonException ex) {
                throw new UnreadableEventException(ex.getOriginalMessage(), ex);
            }
            if (record.auditId() == null || record.at() == null || record.actor() == null) {
                throw new UnreadableEventException("an audit record needs auditId, at and actor", null);
            }
            if (!auditLog.append(record)) {
                log.debug("audit record {} already kept: redelivery ignored", record.auditId());
            }
        };
    }
}
