package fr.saisine.platform.events;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.CommonContainerStoppingErrorHandler;
import org.springframework.kafka.listener.CommonDelegatingErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Retries and dead letters for the bindings in {@code batch-mode}, as the binder gives them to
 * the others. In batch mode the binder retries nothing and, with {@code enable-dlq}, sends every
 * record of a failed poll to the dead-letter topic. Here the container's error handler is told
 * which record failed ({@link EventBatches}): the records before it are committed, it is retried
 * with the binding's {@code max-attempts} and back-off (at once to the dead letters when the
 * binding's {@code retryable-exceptions} says it is not retryable), then published alone to the
 * binding's {@code dlq-name}, with the binder's own {@code x-original-*} and {@code x-exception-*}
 * headers, which {@code ./saisine dlq} reads; the records after it are consumed again. Bindings
 * not in batch mode keep the binder's retries and dead letters.
 */
public final class BatchDeadLetters implements ListenerContainerWithDlqAndRetryCustomizer {

    private final KafkaOperations<byte[], byte[]> deadLetters;

    /** @param deadLetters a producer of the records as consumed (bytes), acknowledged by all replicas */
    public BatchDeadLetters(KafkaOperations<byte[], byte[]> deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        // the binding's properties are needed: see the overload below, which the binder calls
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
            ExtendedConsumerProperties<KafkaConsumerProperties> binding) {
        if (!binding.isBatchMode()) {
            return;
        }
        DeadLetterPublishingRecoverer recoverer = null;
        if (dlqDestinationResolver != null) {
            recoverer = new DeadLetterPublishingRecoverer(deadLetters, dlqDestinationResolver);
            recoverer.setHeaderNamesSupplier(BatchDeadLetters::binderHeaderNames);
            recoverer.setExceptionHeadersCreator((headers, exception, isKey, names) -> describe(headers, exception));
        }
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                backOff != null ? backOff : new FixedBackOff(0, 0));
        // the binding's retryable-exceptions and default-retryable, as the binder reads them
        if (!binding.isDefaultRetryable()) {
            handler.defaultFalse(true);
        }
        binding.getRetryableExceptions().forEach((type, retryable) -> {
            if (Exception.class.isAssignableFrom(type)) {
                if (retryable) {
                    handler.addRetryableExceptions(type.asSubclass(Exception.class));
                }
                else {
                    handler.addNotRetryableExceptions(type.asSubclass(Exception.class));
                }
            }
        });
        // a poll that did not arrive as its records would otherwise be retried whole, then every
        // record of it dead-lettered and committed: the consumer stops instead, and its health says so
        CommonDelegatingErrorHandler errors = new CommonDelegatingErrorHandler(handler);
        errors.setCauseChainTraversing(true);
        errors.addDelegate(UnreadablePollException.class, new CommonContainerStoppingErrorHandler());
        container.setCommonErrorHandler(errors);
    }

    /**
     * The exception that failed the record, as the binder describes it: what the event's handler
     * threw, not the listener's and the binder's wrappers around it, which say nothing of the record.
     */
    static void describe(Headers headers, Exception thrown) {
        Throwable failure = thrown;
        for (Throwable each = thrown; each != null; each = each.getCause()) {
            if (each instanceof BatchListenerFailedException failed && failed.getCause() != null) {
                failure = failed.getCause();
                break;
            }
        }
        StringWriter stackTrace = new StringWriter();
        failure.printStackTrace(new PrintWriter(stackTrace, true));
        headers.add("x-exception-fqcn", failure.getClass().getName().getBytes(StandardCharsets.UTF_8));
        String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getName();
        headers.add("x-exception-message", message.getBytes(StandardCharsets.UTF_8));
        headers.add("x-exception-stacktrace", stackTrace.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The names the binder gives these headers in record mode. */
    static HeaderNames binderHeaderNames() {
        return HeaderNames.Builder.original()
                .topicHeader("x-original-topic")
                .partitionHeader("x-original-partition")
                .offsetHeader("x-original-offset")
                .timestampHeader("x-original-timestamp")
                .timestampTypeHeader("x-original-timestamp-type")
                .consumerGroupHeader("x-original-consumer-group")
                .exception()
                .exceptionFqcn("x-exception-fqcn")
                .exceptionCauseFqcn("x-exception-cause-fqcn")
                .exceptionMessage("x-exception-message")
                .exceptionStacktrace("x-exception-stacktrace")
                .keyExceptionFqcn("x-key-exception-fqcn")
                .keyExceptionMessage("x-key-exception-message")
                .keyExceptionStacktrace("x-key-exception-stacktrace")
                .build();
    }
}
