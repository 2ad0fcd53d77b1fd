package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.ExtendedProducerProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBindingProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaProducerProperties;
import org.springframework.cloud.stream.binder.kafka.provisioning.KafkaTopicProvisioner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.yaml.snakeyaml.Yaml;

import fr.saisine.events.Topics;
import fr.saisine.testsupport.TestServers;

/**
 * No topic keeps a complaint for ever (docs/adr/0001-personal-data-in-kafka.md): every topic as
 * {@code ./saisine} creates it from infra/kafka/access.conf, and as the services' binder creates it
 * where it may (the module tests), described on the real broker, has the retention of the schedule
 * (docs/retention.md): 7 days for the lifecycle and the letters, 14 for every dead-letter topic, 30
 * for the audit records, and case-views, compacted, a bound on how long a replaced summary lingers.
 * The topics get names of this run: the shared ones are left as they are.
 */
class TopicRetentionIntegrationTests {

    static final long DAY = Duration.ofDays(1).toMillis();
    static final Path ROOT = TestServers.projectRoot();
    static final List<String> SERVICES = List.of("intake-service", "triage-service", "notification-service");

    static TestServers.Addresses servers;
    static Admin admin;

    @BeforeAll
    static void theBroker() {
        servers = TestServers.addresses();
        admin = Admin.create(servers.kafkaClientConfig());
    }

    @AfterAll
    static void close() {
        admin.close();
    }

    @Test
    void shouldDeclareEveryTopicOfTheServicesDeadLettersIncludedInAccessConf() throws IOException {
        assertThat(accessConfTopics()).containsAll(Topics.ALL).containsAll(deadLetterTopics());
    }

    @Test
    void shouldGiveEveryTopicThatSaisineCreatesItsFiniteRetention() throws Exception {
        assumeFalse(servers.kafka().passwords().isEmpty(), "access.conf is applied to the secured broker of ./saisine test");
        Map<String, String> renames = renamed(accessConfTopics());
        // audit-events as access.conf made it before the schedule: kept for ever; applying it again shortens it
        admin.createTopics(List.of(new NewTopic(renames.get(Topics.AUDIT_EVENTS), 1, (short) 1)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")))).all().get(30, TimeUnit.SECONDS);

        KafkaAccess.grant(renames);

        // a config just set reaches the broker's answers a moment after the controller took it
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Config> described = describe(renames);
            assertThat(described).hasSize(renames.size());
            described.forEach(TopicRetentionIntegrationTests::assertScheduled);
        });
    }

    @Test
    void shouldSetTheRetentionGivenByTheEnvironmentOnTopicsThatExist() throws Exception {
        assumeFalse(servers.kafka().passwords().isEmpty(), "access.conf is applied to the secured broker of ./saisine test");
        Map<String, String> renames = renamed(accessConfTopics());
        KafkaAccess.grant(renames);

        KafkaAccess.grant(renames, Map.of("SAISINE_KAFKA_TRANSPORT_RETENTION_MS", "3600000",
                "SAISINE_KAFKA_CASE_VIEWS_MAX_COMPACTION_LAG_MS", "600000"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertOverridden(describe(renames)));
    }

    static void assertOverridden(Map<String, Config> described) {
        assertThat(described.get(Topics.COMPLAINT_EVENTS).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("3600000");
        assertThat(described.get(Topics.NOTIFICATION_EVENTS).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("3600000");
        assertThat(described.get(Topics.CASE_VIEWS).get(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG).value()).isEqualTo("600000");
        assertThat(described.get(Topics.AUDIT_EVENTS).get(TopicConfig.RETENTION_MS_CONFIG).value())
                .isEqualTo(String.valueOf(30 * DAY));
    }

    @Test
    void shouldGiveTheTopicsTheServicesBinderCreatesTheirFiniteRetention() throws Exception {
        KafkaTopicProvisioner provisioner = provisioner();
        Map<String, String> renames = new LinkedHashMap<>();
        Function<String, String> rename = topic -> renames.computeIfAbsent(topic, TestServers::uniqueName);
        for (String service : SERVICES) {
            Path yml = ROOT.resolve(service).resolve("src/main/resources/application.yml");
            Map<String, KafkaBindingProperties> kafkaBindings = binder(yml).bind("spring.cloud.stream.kafka.bindings",
                    Bindable.mapOf(String.class, KafkaBindingProperties.class)).orElseGet(Map::of);
            Map<String, Object> bindings = child(child(child(load(yml), "spring"), "cloud"), "stream");
            for (Map.Entry<String, Object> binding : child(bindings, "bindings").entrySet()) {
                Map<String, Object> settings = cast(binding.getValue());
                String destination = rename.apply((String) settings.get("destination"));
                KafkaBindingProperties extension = kafkaBindings.getOrDefault(binding.getKey(), new KafkaBindingProperties());
                if (binding.getKey().contains("-in-")) {
                    KafkaConsumerProperties consumer = extension.getConsumer();
                    if (consumer.isEnableDlq()) {
                        consumer.setDlqName(rename.apply(consumer.getDlqName()));
                    }
                    provisioner.provisionConsumerDestination(destination, (String) settings.get("group"),
                            new ExtendedConsumerProperties<>(consumer));
                }
                else {
                    KafkaProducerProperties producer = extension.getProducer();
                    provisioner.provisionProducerDestination(destination, new ExtendedProducerProperties<>(producer));
                }
            }
        }

        assertThat(renames.keySet()).containsAll(Topics.ALL).containsAll(deadLetterTopics());
        describe(renames).forEach(TopicRetentionIntegrationTests::assertScheduled);
    }

    /** The schedule's defaults (docs/retention.md), by the topic's name in access.conf. */
    static void assertScheduled(String topic, Config config) {
        long segment = Long.parseLong(config.get(TopicConfig.SEGMENT_MS_CONFIG).value());
        String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        if (topic.equals(Topics.CASE_VIEWS)) {
            assertThat(policy).as("cleanup.policy of %s", topic).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(Long.parseLong(config.get(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG).value()))
                    .as("max.compaction.lag.ms of %s", topic).isEqualTo(DAY);
            assertThat(segment).as("segment.ms of %s", topic).isEqualTo(DAY);
            return;
        }
        assertThat(policy).as("cleanup.policy of %s", topic).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
        assertThat(Long.parseLong(config.get(TopicConfig.RETENTION_MS_CONFIG).value()))
                .as("retention.ms of %s", topic).isEqualTo(scheduledRetention(topic));
        assertThat(segment).as("segment.ms of %s", topic).isEqualTo(DAY);
    }

    static long scheduledRetention(String topic) {
        if (topic.endsWith(".dlq")) {
            return 14 * DAY;
        }
        return switch (topic) {
            case Topics.COMPLAINT_EVENTS, Topics.NOTIFICATION_EVENTS -> 7 * DAY;
            case Topics.AUDIT_EVENTS -> 30 * DAY;
            default -> throw new AssertionError("a topic the retention schedule does not know: " + topic);
        };
    }

    /** Each topic's configs, by its name in access.conf. */
    static Map<String, Config> describe(Map<String, String> renames) throws Exception {
        Map<ConfigResource, String> topics = new HashMap<>();
        renames.forEach((topic, name) -> topics.put(new ConfigResource(ConfigResource.Type.TOPIC, name), topic));
        Map<String, Config> described = new HashMap<>();
        // a topic just created may be unknown for a moment to the broker that answers
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(ExecutionException.class)
                .until(() -> admin.describeConfigs(topics.keySet()).all().get(30, TimeUnit.SECONDS), all -> {
                    all.forEach((resource, config) -> described.put(topics.get(resource), config));
                    return true;
                });
        return described;
    }

    static Map<String, String> renamed(List<String> topics) {
        Map<String, String> renames = new LinkedHashMap<>();
        topics.forEach(topic -> renames.put(topic, TestServers.uniqueName(topic)));
        return renames;
    }

    static List<String> accessConfTopics() throws IOException {
        return Files.readAllLines(ROOT.resolve("infra/kafka/access.conf")).stream().map(String::strip)
                .filter(line -> line.startsWith("topic ")).map(line -> line.split("\\s+")[1]).toList();
    }

    /** Every dead-letter topic the services' application.yml name. */
    static List<String> deadLetterTopics() throws IOException {
        List<String> topics = new ArrayList<>();
        for (String service : SERVICES) {
            Map<String, Object> stream = child(child(child(load(ROOT.resolve(service)
                    .resolve("src/main/resources/application.yml")), "spring"), "cloud"), "stream");
            child(child(stream, "kafka"), "bindings").values().forEach(binding -> {
                Object name = child(cast(binding), "consumer").get("dlq-name");
                if (name != null) {
                    topics.add((String) name);
                }
            });
        }
        assertThat(topics).isNotEmpty();
        return topics;
    }

    /** application.yml as Spring Boot reads it, placeholders and all (the environment's variables too). */
    static Binder binder(Path yml) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yml", new FileSystemResource(yml))
                .forEach(environment.getPropertySources()::addLast);
        return Binder.get(environment);
    }

    /** The binder's provisioner, as the administrator: the services' module tests create their topics so. */
    static KafkaTopicProvisioner provisioner() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of(servers.kafkaBootstrap()));
        kafka.getProperties().putAll(servers.kafka().clientSecurity(fr.saisine.testsupport.KafkaPrincipals.ADMIN));
        KafkaBinderConfigurationProperties binder = new KafkaBinderConfigurationProperties(kafka,
                new DefaultListableBeanFactory().getBeanProvider(KafkaConnectionDetails.class));
        binder.setBrokers(servers.kafkaBootstrap());
        KafkaTopicProvisioner provisioner = new KafkaTopicProvisioner(binder, kafka, List.of());
        provisioner.afterPropertiesSet();
        return provisioner;
    }

    static Map<String, Object> load(Path yml) throws IOException {
        try (InputStream in = Files.newInputStream(yml)) {
            return new Yaml().load(in);
        }
    }

    static Map<String, Object> child(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value == null ? Map.of() : cast(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
