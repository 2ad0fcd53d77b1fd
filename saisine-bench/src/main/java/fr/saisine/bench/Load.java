package fr.saisine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Posts {@code count} complaints from {@code clients} concurrent clients, each taking the next index,
 * with a progress line and the rate so far. Refusals are kept, not thrown: each part decides.
 */
final class Load {

    /** Waits, if the run is paced, until complaint i may leave. */
    interface Pace {
        void await(int i) throws InterruptedException;
    }

    private Load() {
    }

    static List<Http.Posted> run(String label, int count, int clients, Pace pace, boolean stopAtFirstRefusal,
            IntFunction<Http.Posted> post) throws InterruptedException {
        ConcurrentLinkedQueue<Http.Posted> done = new ConcurrentLinkedQueue<>();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        ProgressBar bar = new ProgressBar(System.err, label, count);
        try (var pool = Executors.newFixedThreadPool(clients, Thread.ofVirtual().factory())) {
            for (int t = 0; t < clients; t++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        if (stopAtFirstRefusal && refused.get() > 0) {
                            return null;
                        }
                        pace.await(i);
                        Http.Posted posted = post.apply(i);
                        done.add(posted);
                        finished.incrementAndGet();
                        if (!posted.accepted()) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            while (finished.get() < count && !(stopAtFirstRefusal && refused.get() > 0)) {
                bar.show(finished.get(), detail(finished.get(), refused.get(), start));
                Thread.sleep(200);
            }
        }
        bar.finish(finished.get(), detail(finished.get(), refused.get(), start));
        return new ArrayList<>(done);
    }

    private static String detail(int finished, int refused, long startNanos) {
        double seconds = Math.max(0.001, (System.nanoTime() - startNanos) / 1e9);
        return "%.0f/s%s".formatted(finished / seconds, refused > 0 ? ", " + refused + " refused" : "");
    }

    static String firstRefusal(List<Http.Posted> posted) {
        return posted.stream().filter(p -> !p.accepted()).findFirst()
                .map(p -> "HTTP " + p.status() + ": " + p.error()).orElse(null);
    }
}
