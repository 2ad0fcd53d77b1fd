package fr.saisine.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.TestServers;

/**
 * ./saisine dlq on the test broker: dead letters as the binder writes them (the original record
 * with x-original-* and x-exception-* headers), listed, shown, replayed to where they came from,
 * one by one or all, each once.
 */
class DeadLettersIntegrationTests {

    final Map<String, Object> admin = TestServers.addresses().kafkaClientConfig();
    final String original = TestServers.uniqueName("complaint-events");
    final String dlq = original + ".notification.dlq";
    final KafkaProbe probe = KafkaProbe.ofTestServers();
    DeadLetters deadLetters;

    @BeforeEach
    void twoDeadLettersInOnePartition() throws Exception {
        try (Admin topics = Admin.create(admin)) {
            topics.createTopics(List.of(new NewTopic(original, 1, (short) 1), new NewTopic(dlq, 1, (short) 1)))
                    .all().get();
        }
        try (var producer = new KafkaProducer<>(admin, new StringSerializer(), new StringSerializer())) {
            for (String reference : List.of("26000001", "26000002")) {
                ProducerRecord<String, String> dead = new ProducerRecord<>(dlq, reference,
                        "{\"reference\": \"" + reference + "\"}");
                header(dead, "saisine_eventType", "ComplaintTriaged");
                header(dead, "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
                header(dead, "x-original-topic", original);
                header(dead, "x-original-offset", "12");
                header(dead, "x-exception-message", "no correspondent known for " + reference);
                producer.send(dead).get();
            }
        }
        deadLetters = new DeadLetters(admin);
    }

    @AfterEach
    void close() {
        deadLetters.close();
        probe.close();
    }

    static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new DlqCommand(deadLetters, new PrintStream(out, true, StandardCharsets.UTF_8)).run(List.of(args));
        assertThat(status).as(String.join(" ", args)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsEachDeadLetterTopicWithWhatWaitsAndWhy() {
        assertThat(run("list").lines().filter(line -> line.startsWith(dlq + " ")).findFirst().orElseThrow())
                .contains(" 2 ", "no correspondent known for 26000001");
        assertThat(run("show", dlq)).contains("2 record(s) waiting", "id 0:0", "key 26000001", "ComplaintTriaged",
                "from   " + original, "reason no correspondent known for 26000002");
    }

    @Test
    void replaysOneByItsIdThenTheRestEachOnceWithTheOriginalHeaders() {
        assertThat(run("replay", dlq, "--id", "0:1")).contains("replayed 0:1 (key 26000002", "1 record(s) replayed");
        assertThat(deadLetters.waiting(dlq)).extracting(DeadLetter::id).containsExactly("0:0");

        assertThat(run("replay", dlq)).contains("replayed 0:0 (key 26000001", "1 record(s) replayed");
        assertThat(deadLetters.waiting(dlq)).isEmpty();
        assertThat(run("replay", dlq)).contains("0 record(s) replayed");

        List<ConsumerRecord<String, String>> replayed = probe.readAll(original);
        assertThat(replayed).extracting(ConsumerRecord::key).containsExactly("26000002", "26000001");
        ConsumerRecord<String, String> first = replayed.getFirst();
        assertThat(first.value()).isEqualTo("{\"reference\": \"26000002\"}");
        assertThat(KafkaProbe.header(first, "saisine_eventType")).isEqualTo("ComplaintTriaged");
        assertThat(KafkaProbe.header(first, "traceparent")).startsWith("00-0af7651916cd43dd8448eb211c80319c-");
        assertThat(KafkaProbe.header(first, DeadLetters.REPLAYED_FROM)).isEqualTo(dlq + ":0:1");
        assertThat(first.headers().toArray()).noneMatch(h -> h.key().startsWith("x-"));
    }

    @Test
    void refusesAnIdThatIsNotWaitingAndReplaysNothing() {
        assertThatThrownBy(() -> deadLetters.replay(dlq, List.of("0:7"))).hasMessageContaining("not waiting in " + dlq)
                .hasMessageContaining("0:7");
        assertThat(deadLetters.waiting(dlq)).hasSize(2);
        assertThat(probe.readAll(original)).isEmpty();
    }
}
