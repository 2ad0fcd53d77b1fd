package fr.saisine.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The port plan ./saisine and the tests share: no two components of a profile on one port. */
class PortPlanTests {

    @ParameterizedTest
    @ValueSource(strings = { "dev", "test" })
    void shouldGiveEveryComponentOfAProfileAPortOfItsOwn(String profile) {
        Map<Integer, String> owners = new HashMap<>();
        Map<String, String> clashes = new TreeMap<>();
        PortPlan.of(profile).all().forEach((component, port) -> {
            String other = owners.putIfAbsent(port, component);
            if (other != null) {
                clashes.put(component, "port " + port + " is " + other + "'s too");
            }
        });
        assertThat(clashes).as("components of the %s profile sharing a port", profile).isEmpty();
        assertThat(owners).hasSize(PortPlan.SERVERS.size() + 4 * PortPlan.SERVICES.size());
    }

    @Test
    void shouldPutTheSecondInstancesOfTheDevStackBesideKafka() {
        PortPlan dev = PortPlan.of("dev");
        assertThat(PortPlan.SERVICES.stream().map(s -> dev.service(s, 2))).containsExactly(8091, 8092, 8093);
        assertThat(PortPlan.SERVICES.stream().map(s -> dev.management(s, 2))).containsExactly(9181, 9182, 9183);
        assertThat(dev.server("kafka")).isEqualTo(9092);
        assertThat(dev.server("kafka.controller")).isEqualTo(9093);
    }

    @Test
    void shouldFindAClashInAPlanThatHasOne(@TempDir Path dir) throws Exception {
        // the offset of the management ports was 10 once: 9082 + 10 is Kafka's 9092
        Path plan = dir.resolve("ports.properties");
        Files.writeString(plan, Files.readString(TestServers.projectRoot().resolve("infra/ports.properties"))
                .replace("instance.offset.management=100", "instance.offset.management=10"));
        Map<String, Integer> all = PortPlan.read(plan, "dev").all();
        assertThat(all.get("triage-2 management")).isEqualTo(all.get("kafka"));
    }

    @Test
    void shouldRefuseAPortThePlanDoesNotName(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("ports.properties");
        Files.writeString(plan, "dev.kafka=9092\n");
        assertThatIllegalStateException().isThrownBy(() -> PortPlan.read(plan, "dev").server("smtp"))
                .withMessageContaining("dev.smtp");
    }
}
