package fr.saisine.notification.message.sending;

import java.time.Clock;
import java.util.stream.IntStream;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import fr.saisine.notification.message.persistence.MessageFields;
import fr.saisine.platform.outbox.Outbox;
import fr.saisine.platform.outbox.OutboxRelay;

@Configuration(proxyBeanMethods = false)
class MailDispatchConfiguration {

    @Bean
    MailQueue mailQueue(MongoTemplate mongo) {
        return new MailQueue(mongo);
    }

    @Bean
    MailDispatch mailDispatch(MailQueue queue, MongoTemplate mongo, JavaMailSenderImpl mail,
            DispatchProperties properties, Outbox outbox, @Qualifier("messageOutboxRelay") OutboxRelay relay,
            Clock clock) {
        var messages = mongo.getCollection(MessageFields.COLLECTION);
        MailDispatch dispatch = new MailDispatch(IntStream.rangeClosed(1, properties.senders())
                .mapToObj(i -> new MailSender("mail-sender-" + i, queue, messages, mail, properties, outbox, relay,
                        clock))
                .toList());
        queue.onEnqueue(dispatch::wakeUp);
        return dispatch;
    }
}
