package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.saisine.ops.faults.FaultSuite;
import fr.saisine.ops.faults.StackAddresses;
import fr.saisine.ops.faults.StackControl;
import fr.saisine.testsupport.TestServers;

/**
 * The short version of ./saisine faults, on the three packaged services of the test run: steady
 * complaints and reviews while intake, triage and notification in turn are killed (SIGKILL) and
 * restarted; nothing accepted is lost, no letter is doubled, and every backlog drains within 60 s
 * of the service's return. (The full suite also kills Kafka, the database, the mail server and
 * Keycloak, makes the mail server refuse and the database stall: README, "Faults".)
 */
class FaultsShortIntegrationTests {

    static RunningStack stack;

    @BeforeAll
    static void theStack() throws Exception {
        stack = RunningStack.get();
    }

    /** The services of the test run, killed and restarted in place. */
    static final class RunningServices implements StackControl {

        @Override
        public void kill(String component) {
            try {
                stack.service(component).kill();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void start(String component) {
            try {
                stack.service(component).restart();
            }
            catch (Exception ex) {
                throw new IllegalStateException(component + " did not come back", ex);
            }
        }

        @Override
        public void pause(String component) {
            throw new UnsupportedOperationException("the short suite stalls nothing");
        }

        @Override
        public void resume(String component) {
            throw new UnsupportedOperationException("the short suite stalls nothing");
        }
    }

    @Test
    void losesAndDoublesNothingWhenEachServiceIsKilledAndRecoversWithinAMinute() throws Exception {
        TestServers.Addresses servers = TestServers.addresses();
        StackAddresses addresses = new StackAddresses(stack.intake.url("/"), stack.triage.url("/"),
                stack.notification.url("/"), servers.oidcIssuer(), servers.smtpHost(), servers.imapPort(),
                servers.smtpPort());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        FaultSuite suite = new FaultSuite(addresses, new RunningServices(), 1, out);

        FaultSuite.Report report = suite.run(List.of(FaultSuite.kill("intake", Duration.ofSeconds(3)),
                FaultSuite.kill("triage", Duration.ofSeconds(3)), FaultSuite.kill("notification", Duration.ofSeconds(3))),
                Duration.ofSeconds(3));
        FaultSuite.print(report, out, Duration.ofSeconds(60));
        System.out.println(log.toString(StandardCharsets.UTF_8));

        assertThat(report.faults()).hasSize(3).allSatisfy(fault -> {
            assertThat(fault.accepted()).as(fault.fault()).isPositive();
            assertThat(fault.drained()).as(fault.fault()).isTrue();
            assertThat(fault.recovery()).as(fault.fault()).isLessThanOrEqualTo(Duration.ofSeconds(60));
        });
        assertThat(report.lost()).as(log.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(report.doubled()).isZero();
        assertThat(report.unreadable()).isZero();
        assertThat(report.referencesGivenTwice()).isZero();
        assertThat(report.passed(Duration.ofSeconds(60))).isTrue();
    }
}
