package fr.saisine.ops.dlq;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./saisine dlq list | show TOPIC | replay TOPIC [--id PARTITION:OFFSET ...]}: what waits
 * in the dead-letter topics, and sending it again once its cause is fixed (docs/operations.md).
 */
public final class DlqCommand {

    static final String USAGE = """
            Usage: ./saisine dlq list                  each dead-letter topic: records waiting, the oldest, its reason
                   ./saisine dlq show TOPIC            each record waiting in TOPIC: id, key, type, time, reason, body
                   ./saisine dlq replay TOPIC [--id PARTITION:OFFSET ...]
                                                       sends every waiting record (or those named) back to its
                                                       original topic, once its cause is fixed; replaying is safe
                                                       to repeat (every consumer ignores what it has handled)""";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final DeadLetters deadLetters;
    private final PrintStream out;

    public DlqCommand(DeadLetters deadLetters, PrintStream out) {
        this.deadLetters = deadLetters;
        this.out = out;
    }

    /** @return the exit status */
    public int run(List<String> args) {
        if (args.isEmpty()) {
            out.println(USAGE);
            return 2;
        }
        switch (args.getFirst()) {
            case "list" -> list();
            case "show" -> show(topicOf(args));
            case "replay" -> replay(topicOf(args), ids(args.subList(2, args.size())));
            default -> {
                out.println("unknown dlq command '" + args.getFirst() + "'\n" + USAGE);
                return 2;
            }
        }
        return 0;
    }

    private void list() {
        out.printf("%-45s %8s  %-19s  %s%n", "DEAD-LETTER TOPIC", "WAITING", "OLDEST", "REASON OF THE OLDEST");
        for (String topic : deadLetters.topics()) {
            List<DeadLetter> waiting = deadLetters.waiting(topic);
            DeadLetter oldest = waiting.stream().min(java.util.Comparator.comparing(DeadLetter::at)).orElse(null);
            out.printf("%-45s %8d  %-19s  %s%n", topic, waiting.size(), oldest == null ? "-" : TIME.format(oldest.at()),
                    oldest == null ? "" : shorten(oldest.reason(), 80));
        }
    }

    private void show(String topic) {
        List<DeadLetter> waiting = deadLetters.waiting(topic);
        out.printf("%d record(s) waiting in %s%n", waiting.size(), topic);
        for (DeadLetter letter : waiting) {
            out.printf("%n  id %s   key %s   %s   at %s%n", letter.id(), letter.key(), letter.eventType(),
                    TIME.format(letter.at()));
            out.printf("  from   %s%n", letter.originalTopic());
            out.printf("  reason %s%n", letter.reason());
            out.printf("  body   %s%n", shorten(letter.value(), 300));
        }
    }

    private void replay(String topic, List<String> ids) {
        List<DeadLetter> replayed = deadLetters.replay(topic, ids);
        for (DeadLetter letter : replayed) {
            out.printf("replayed %s (key %s, %s) to %s%n", letter.id(), letter.key(), letter.eventType(),
                    letter.originalTopic());
        }
        out.printf("%d record(s) replayed from %s%n", replayed.size(), topic);
    }

    private static String topicOf(List<String> args) {
        if (args.size() < 2) {
            throw new IllegalArgumentException("name a dead-letter topic (./saisine dlq list shows them)");
        }
        return args.get(1);
    }

    private static List<String> ids(List<String> options) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (option.startsWith("--id=")) {
                ids.add(option.substring("--id=".length()));
            }
            else if (option.equals("--id") && i + 1 < options.size()) {
                ids.add(options.get(++i));
            }
            else {
                throw new IllegalArgumentException("unknown option '" + option + "': --id PARTITION:OFFSET");
            }
        }
        for (String id : ids) {
            if (!id.matches("\\d+:\\d+")) {
                throw new IllegalArgumentException("--id takes PARTITION:OFFSET, as dlq show prints it, not '" + id + "'");
            }
        }
        return ids;
    }

    private static String shorten(String text, int max) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
