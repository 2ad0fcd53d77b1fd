package fr.saisine.notification.message.sending;

import java.time.Clock;
import java.util.stream.IntStream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import fr.saisine.notification.message.persistence.MessageStore;

@Configuration(proxyBeanMethods = false)
class MailDispatchConfiguration {

    @Bean
    MailQueue mailQueue(MongoTemplate mongo) {
        return new MailQueue(mongo);
    }

    @Bean
    MailDispatch mailDispatch(MailQueue queue, MessageStore messages, JavaMailSenderImpl mail,
            DispatchProperties properties, Clock clock) {
        MailDispatch dispatch = new MailDispatch(IntStream.rangeClosed(1, properties.senders())
                .mapToObj(i -> new MailSender("mail-sender-" + i, queue, messages, mail, properties, clock))
                .toList());
        queue.onEnqueue(dispatch::wakeUp);
        return dispatch;
    }
}
