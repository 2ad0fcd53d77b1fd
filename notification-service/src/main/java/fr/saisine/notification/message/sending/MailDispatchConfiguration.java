package fr.saisine.notification.message.sending;

import java.time.Clock;
import java.util.stream.IntStream;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import fr.saisine.notification.message.persistence.MessageFields;
import fr.saisine.platform.events.EventJson;
import fr.saisine.platform.outbox.OutboxRelay;

@Configuration(proxyBeanMethods = false)
class MailDispatchConfiguration {

    @Bean
    MailDispatch mailDispatch(MongoTemplate mongo, JavaMailSenderImpl mail, DispatchProperties properties,
            EventJson json, @Qualifier("messageOutboxRelay") OutboxRelay relay, Clock clock) {
        var messages = mongo.getCollection(MessageFields.COLLECTION);
        var claims = mongo.getCollection(MailSender.CLAIMS_COLLECTION);
        return new MailDispatch(IntStream.rangeClosed(1, properties.senders())
                .mapToObj(i -> new MailSender("mail-sender-" + i, messages, claims, mail, properties, json, relay,
                        clock))
                .toList());
    }
}
