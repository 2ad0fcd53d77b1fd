package fr.saisine.platform.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import fr.saisine.testsupport.TestServers;

/**
 * Two (or twenty) instances of a service and one job that should run once: on the real
 * MongoDB-compatible server, one instance holds each term, keeps the job while it asks, and
 * loses it to another within a term of falling silent.
 */
class JobLeasesIntegrationTests {

    static final MongoClient client = MongoClients.create(TestServers.addresses().mongoUri());
    static final Duration TERM = Duration.ofSeconds(10);
    final MongoTemplate mongo = new MongoTemplate(client, TestServers.uniqueName("platform-leases"));
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));

    @AfterAll
    static void closeClient() {
        client.close();
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void oneOfTwentyInstancesAskingAtOnceHoldsTheTerm() throws Exception {
        List<JobLeases> instances = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            instances.add(new JobLeases(mongo, clock, "instance-" + i));
        }
        List<Callable<Boolean>> asks = instances.stream().<Callable<Boolean>>map(i -> () -> i.held("relay", TERM)).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            long holders = 0;
            for (Future<Boolean> answer : pool.invokeAll(asks)) {
                holders += answer.get() ? 1 : 0;
            }
            assertThat(holders).isEqualTo(1);
        }
    }

    @Test
    void theHolderKeepsTheJobWhileItAsksAndLosesItWithinATermOfFallingSilent() {
        JobLeases first = new JobLeases(mongo, clock, "first");
        JobLeases second = new JobLeases(mongo, clock, "second");
        assertThat(first.held("relay", TERM)).isTrue();
        assertThat(second.held("relay", TERM)).isFalse();

        // the holder asks every second, as a relay polls: it claims each next term before it begins
        for (int elapsed = 0; elapsed < 35; elapsed++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(first.held("relay", TERM)).as("first, after %d s", elapsed + 1).isTrue();
            assertThat(second.held("relay", TERM)).as("second, after %d s", elapsed + 1).isFalse();
        }

        // the holder dies: the other takes the job in the first term the holder did not claim
        int waited = 0;
        while (!second.held("relay", TERM)) {
            clock.advance(Duration.ofSeconds(1));
            waited++;
        }
        assertThat(waited).isLessThanOrEqualTo((int) TERM.toSeconds());
    }

    @Test
    void eachJobHasItsOwnHolder() {
        JobLeases first = new JobLeases(mongo, clock, "first");
        JobLeases second = new JobLeases(mongo, clock, "second");
        assertThat(first.held("relay", TERM)).isTrue();
        assertThat(second.held("progress-check", Duration.ofMinutes(1))).isTrue();
        assertThat(first.held("progress-check", Duration.ofMinutes(1))).isFalse();
    }
}
