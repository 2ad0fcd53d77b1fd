package fr.saisine.platform.tracing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.cloud.function.context.catalog.FunctionAroundWrapper;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Every event a service consumes is handled in the trace of the work that published it (its
 * {@code traceparent} header), with its key, the complaint reference, in the log context.
 */
public final class TracedEventConsumption extends FunctionAroundWrapper {

    private final EventTracing tracing;

    public TracedEventConsumption(EventTracing tracing) {
        this.tracing = tracing;
    }

    @Override
    protected Object doApply(Object input, FunctionInvocationWrapper function) {
        if (!(input instanceof Message<?> message) || message.getPayload() instanceof List<?>) {
            // a poll consumed at once is traced event by event, by the function (EventBatches)
            return function.apply(input);
        }
        return tracing.continueTrace(header(message, EventTracing.TRACEPARENT), "consume " + function.getFunctionDefinition(),
                header(message, KafkaHeaders.RECEIVED_KEY), () -> function.apply(input));
    }

    private static String header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
