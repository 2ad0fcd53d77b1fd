package fr.saisine.ops.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

import fr.saisine.events.MessageKind;

/**
 * Every letter the mailboxes of the run receive, read over IMAP as a mail client would, as they
 * arrive: the mail server is killed during the suite and forgets what it held, so what it
 * delivered is noted here at once. A letter is known by its Message-ID, which Saisine makes from
 * the complaint, the kind of letter and the recipient ({@code <26000001.ACKNOWLEDGEMENT.…@…>}):
 * the same letter sent again carries the same one, and counts as a second copy, not a second letter.
 * Copies are told apart by their Date header, set at each send (a re-send comes at least a lease,
 * 30 s, later), so that reading a mailbox again from its first message never counts one twice: the
 * mailboxes are read again from the start whenever the connection had to be made again, since a
 * restarted server may number its messages anew.
 */
final class Letters implements AutoCloseable {

    /** One letter as delivered to one mailbox: its copies, and when the first was seen. */
    record Delivery(String mailbox, String messageId, int copies, Instant firstSeen) {

        String reference() {
            String id = messageId.replaceAll("[<>]", "");
            int dot = id.indexOf('.');
            return dot < 0 ? id : id.substring(0, dot);
        }

        /** The kind, from the Message-ID, where Saisine wrote its underscores as dots (UNDER.REVIEW). */
        String kind() {
            String rest = messageId.replaceAll("[<>]", "").substring(reference().length() + 1);
            return Arrays.stream(MessageKind.values()).map(Enum::name)
                    .filter(kind -> rest.startsWith(kind.replace('_', '.') + "."))
                    .max(Comparator.comparingInt(String::length)).orElse("?");
        }
    }

    /** Where a mailbox stands: the folder's UIDVALIDITY (new when the server restarted) and the last UID read. */
    private record Position(long validity, long lastUid) {
    }

    private final Session session = Session.getInstance(new Properties());
    private final String host;
    private final int port;
    private final List<String> mailboxes;
    private final Map<String, Position> positions = new ConcurrentHashMap<>();
    private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
    /** The Date headers of each letter's copies in each mailbox. */
    private final Map<String, Set<String>> sendsOf = new ConcurrentHashMap<>();
    /** One IMAP connection per mailbox, kept; made again when the server went away. */
    private final Map<String, Store> stores = new ConcurrentHashMap<>();
    private final AtomicInteger readFailures = new AtomicInteger();
    private volatile boolean running;
    private volatile Instant lastRead = Instant.EPOCH;
    private Thread reader;

    Letters(String host, int port, List<String> mailboxes) {
        this.host = host;
        this.port = port;
        this.mailboxes = List.copyOf(mailboxes);
    }

    void start() {
        running = true;
        reader = Thread.ofPlatform().name("letters").daemon().start(() -> {
            while (running) {
                readAll();
                try {
                    Thread.sleep(Duration.ofSeconds(1));
                }
                catch (InterruptedException ex) {
                    return;
                }
            }
        });
    }

    /** The time of the last complete read of every mailbox. */
    Instant lastRead() {
        return lastRead;
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries.values());
    }

    private void readAll() {
        Instant started = Instant.now();
        boolean complete = true;
        for (String mailbox : mailboxes) {
            try {
                read(mailbox);
            }
            catch (Exception serverAway) {
                complete = false;
                readFailures.incrementAndGet();
                Store broken = stores.remove(mailbox);
                if (broken != null) {
                    try {
                        broken.close();
                    }
                    catch (Exception alreadyGone) {
                        // nothing to close
                    }
                }
            }
        }
        if (complete) {
            lastRead = started;
        }
    }

    private void read(String mailbox) throws Exception {
        Store store = stores.get(mailbox);
        if (store == null || !store.isConnected()) {
            store = session.getStore("imap");
            store.connect(host, port, mailbox, "any");
            stores.put(mailbox, store);
            positions.remove(mailbox); // the server may have restarted: read from the first message
        }
        Folder inbox = store.getFolder("INBOX");
        try {
            inbox.open(Folder.READ_ONLY);
        }
        catch (Exception serverGone) {
            stores.remove(mailbox);
            store.close();
            throw serverGone;
        }
        try {
            UIDFolder uids = (UIDFolder) inbox;
            long validity = uids.getUIDValidity();
            Position position = positions.get(mailbox);
            long after = position != null && position.validity() == validity ? position.lastUid() : 0;
            long last = after;
            for (Message message : uids.getMessagesByUID(after + 1, UIDFolder.LASTUID)) {
                long uid = uids.getUID(message);
                if (uid <= after) {
                    continue; // an empty range answers with the last message
                }
                String[] ids = message.getHeader("Message-ID");
                String messageId = ids == null || ids.length == 0 ? "<no-id-" + uid + ">" : ids[0].strip();
                String[] dates = message.getHeader("Date");
                String sentAt = dates == null || dates.length == 0 ? "uid " + uid : dates[0];
                Set<String> sends = sendsOf.computeIfAbsent(mailbox + " " + messageId, k -> ConcurrentHashMap.newKeySet());
                sends.add(sentAt);
                deliveries.merge(mailbox + " " + messageId, new Delivery(mailbox, messageId, sends.size(), Instant.now()),
                        (was, again) -> new Delivery(mailbox, messageId, sends.size(), was.firstSeen()));
                last = Math.max(last, uid);
            }
            positions.put(mailbox, new Position(validity, last));
        }
        finally {
            if (inbox.isOpen()) {
                inbox.close(false);
            }
        }
    }

    /**
     * Stops the reader, then logs out of each mailbox: in that order, so that no connection is
     * closed under a command in progress. (After one whole suite, GreenMail was found with an IMAP
     * thread spinning on a half-closed connection, taking most of a core from what ran next; the
     * cause was not pinned down, docs/pipeline.md.)
     */
    @Override
    public void close() {
        running = false;
        if (reader != null) {
            reader.interrupt();
            try {
                reader.join(Duration.ofSeconds(10));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        stores.values().forEach(store -> {
            try {
                store.close();
            }
            catch (Exception alreadyGone) {
                // nothing to close
            }
        });
    }
}
