package fr.saisine.notification.message.sending;

import java.time.Clock;
import java.util.stream.IntStream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import fr.saisine.notification.message.domain.DecisionPdfs;
import fr.saisine.notification.message.domain.FollowUpLinks;
import fr.saisine.notification.message.persistence.MessageStore;
import fr.saisine.platform.metrics.BacklogMetrics;
import fr.saisine.platform.tracing.EventTracing;
import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class MailDispatchConfiguration {

    private static final String STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader for every multipart, body
        // part and encoded header (jakartaee/mail-api#861): a search of every jar of the application,
        // measured at 44 % of this service's CPU under load. Named, it is one class lookup, through
        // the thread's context class loader (MailSender sends with the application's).
        try {
            Class.forName(STREAM_PROVIDER, false, MailDispatchConfiguration.class.getClassLoader());
            System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider", STREAM_PROVIDER);
        }
        catch (ClassNotFoundException otherImplementation) {
            // another Jakarta Mail implementation: left to its own lookup
        }
    }

    @Bean
    MailQueue mailQueue(MongoTemplate mongo, EventTracing tracing) {
        return new MailQueue(mongo, tracing);
    }

    @Bean
    MailDispatch mailDispatch(MailQueue queue, MessageStore messages, JavaMailSenderImpl mail,
            DispatchProperties properties, Clock clock, MeterRegistry registry, EventTracing tracing,
            FollowUpLinks links, DecisionPdfs pdfs) {
        LetterOutcomes outcomes = new LetterOutcomes(registry);
        MailDispatch dispatch = new MailDispatch(IntStream.rangeClosed(1, properties.senders())
                .mapToObj(i -> new MailSender("mail-sender-" + i, queue, messages, mail, properties, clock, outcomes,
                        tracing, links, pdfs))
                .toList());
        queue.onEnqueue(dispatch::wakeUp);
        return dispatch;
    }

    /** The letters waiting to be sent (first tries and retries alike), and how long the oldest has waited. */
    @Bean
    BacklogMetrics mailQueueMetrics(MongoTemplate mongo, Clock clock) {
        return new BacklogMetrics("saisine.letters.pending", "Letters waiting to be sent, retries included", mongo,
                MailQueue.ENTRIES, "queuedAt", clock);
    }
}
