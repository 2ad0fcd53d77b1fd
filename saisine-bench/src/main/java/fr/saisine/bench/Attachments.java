package fr.saisine.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Attachments (issue 9): at least N stored — complaints with a small PDF each, filed through intake's
 * public API, counted in a log beside the results (the stack cannot be asked how many files it holds
 * without a staff scan; a log whose first complaint the stack no longer knows is started again) —
 * then a complaint with a 10 MB PDF, downloaded by a staff member of its sector once it is routed,
 * {@link #DOWNLOADS} times, each checked against the SHA-256 of what was sent.
 */
final class Attachments {

    static final int DOWNLOADS = 20;
    static final int SIZE = 10_000_000;
    /** Another stream of generated complaints than the staff views' seeding, so names do not repeat. */
    private static final long SEED_OFFSET = 7_919;

    /** What the part found and measured. */
    record Result(int stored, int seeded, Percentiles downloads, int sizeBytes, String sha256) {
    }

    private final BenchOptions options;
    private final Http http;
    private final StaffToken token;
    private final SeedLog log;

    Attachments(BenchOptions options, Http http, StaffToken token) {
        this.options = options;
        this.http = http;
        this.token = token;
        this.log = new SeedLog(options.results().resolve("seeded-attachments.tsv"));
    }

    Result run(int wanted) throws InterruptedException {
        String intake = options.intakes().getFirst();
        if (log.size() > 0 && http.get(complaintUrl(intake, log.entries().getFirst().reference()), token.get())
                .status() != 200) {
            System.out.println("  the seeded-attachments log names complaints this stack does not have: started again");
            log.clear();
        }
        int first = log.size();
        int missing = Math.max(0, wanted - first - 1);
        System.out.printf("Attachments: %d stored by earlier runs, %d wanted, filing %d small ones and a 10 MB one%n",
                first, wanted, missing);
        long seed = options.seed() + SEED_OFFSET;
        List<String> intakes = options.intakes();
        List<Http.Posted> posted = Load.run("attachments", missing, options.clients(), i -> { }, true, i -> {
            Complaints.Seeded complaint = Complaints.apsf(seed, first + i);
            Http.Posted answer = http.postComplaint(intakes.get(i % intakes.size()), complaint.json(), "piece.pdf",
                    "application/pdf", smallPdf(first + i));
            if (answer.accepted()) {
                log.add(new SeedLog.Entry(answer.reference(), complaint.complainant(), complaint.organisation()));
            }
            return answer;
        });
        if (Load.firstRefusal(posted) != null) {
            throw new IllegalStateException("filing attachments stopped: " + Load.firstRefusal(posted));
        }
        byte[] large = largePdf(options.seed());
        Complaints.Seeded complaint = Complaints.apsf(seed, first + missing);
        Http.Posted big = http.postComplaint(intake, complaint.json(), "dossier-complet.pdf", "application/pdf", large);
        if (!big.accepted()) {
            throw new IllegalStateException("the 10 MB attachment was refused: HTTP " + big.status() + " " + big.error());
        }
        log.add(new SeedLog.Entry(big.reference(), complaint.complainant(), complaint.organisation()));
        String id = awaitRouted(intake, big.reference());
        String expected = sha256(large);
        List<Long> millis = new ArrayList<>();
        ProgressBar bar = new ProgressBar(System.err, "downloads", DOWNLOADS + 2);
        for (int i = 0; i < DOWNLOADS + 2; i++) {
            Http.Got got = http.get(intake + "/api/v1/complaints/" + big.reference() + "/attachments/" + id,
                    token.get());
            if (got.status() != 200 || !sha256(got.body()).equals(expected)) {
                throw new IllegalStateException("download " + (i + 1) + ": HTTP " + got.status() + ", "
                        + got.body().length + " bytes, SHA-256 " + sha256(got.body()) + " instead of " + expected);
            }
            if (i >= 2) {
                millis.add(got.millis());
            }
            bar.show(i + 1, "");
        }
        bar.finish(DOWNLOADS + 2, "");
        return new Result(log.size(), missing + 1, Percentiles.of(millis), large.length, expected);
    }

    /** The complaint answers staff once triage has routed its case (the sector rule); then it lists its file. */
    private String awaitRouted(String intake, String reference) throws InterruptedException {
        Instant deadline = Instant.now().plus(options.timeout());
        while (true) {
            Http.Got got = http.get(complaintUrl(intake, reference), token.get());
            if (got.status() == 200) {
                return got.json().path("attachments").get(0).path("id").asString();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("complaint " + reference + " not readable by " + options.user()
                        + " within " + options.timeout() + ": HTTP " + got.status());
            }
            Thread.sleep(Duration.ofMillis(500));
        }
    }

    private static String complaintUrl(String intake, String reference) {
        return intake + "/api/v1/complaints/" + reference;
    }

    /** A small PDF, a little different each time. */
    static byte[] smallPdf(int i) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Bench " + i + " >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A PDF of exactly {@link #SIZE} bytes: one large stream object of bytes drawn from the seed. */
    static byte[] largePdf(long seed) {
        String objects = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n3 0 obj\n<< /Length ";
        String streamStart = " >>\nstream\n";
        byte[] tail = "\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Size 4 >>\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        int lengthDigits = 10;
        int streamLength = SIZE - objects.length() - lengthDigits - streamStart.length() - tail.length;
        byte[] head = (objects + String.format("%010d", streamLength) + streamStart).getBytes(StandardCharsets.ISO_8859_1);
        byte[] pdf = new byte[SIZE];
        byte[] stream = new byte[streamLength];
        new Random(seed).nextBytes(stream);
        System.arraycopy(head, 0, pdf, 0, head.length);
        System.arraycopy(stream, 0, pdf, head.length, streamLength);
        System.arraycopy(tail, 0, pdf, head.length + streamLength, tail.length);
        return pdf;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
