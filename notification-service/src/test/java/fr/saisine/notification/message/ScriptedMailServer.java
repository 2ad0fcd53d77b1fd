package fr.saisine.notification.message;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mail server speaking just enough SMTP to behave as real ones do when they misbehave: one that
 * refuses every recipient (550, a mailbox that does not exist: the letter's failure, not the
 * server's), or one that takes its time before accepting a letter. It keeps the Message-ID of
 * each letter it accepted.
 */
public final class ScriptedMailServer implements AutoCloseable {

    private final ServerSocket socket;
    private final boolean refuseRecipients;
    private final Duration acceptAfter;
    private final List<String> accepted = new CopyOnWriteArrayList<>();

    private ScriptedMailServer(boolean refuseRecipients, Duration acceptAfter) {
        this.refuseRecipients = refuseRecipients;
        this.acceptAfter = acceptAfter;
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        }
        catch (IOException ex) {
            throw new IllegalStateException("no loopback port for the mail server", ex);
        }
        Thread.ofVirtual().start(this::serve);
    }

    public static ScriptedMailServer refusingEveryRecipient() {
        return new ScriptedMailServer(true, Duration.ZERO);
    }

    public static ScriptedMailServer acceptingAfter(Duration delay) {
        return new ScriptedMailServer(false, delay);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The Message-ID of each letter accepted, once per acceptance. */
    public List<String> acceptedMessageIds() {
        return List.copyOf(accepted);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> converse(client));
            }
            catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client;
                var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            reply(out, "220 scripted.example ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 scripted.example");
                    case "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "RCPT" -> reply(out, refuseRecipients ? "550 5.1.1 no such mailbox here" : "250 OK");
                    case "DATA" -> {
                        reply(out, "354 go on");
                        String messageId = null;
                        for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                            if (messageId == null && data.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                messageId = data.substring(11).strip();
                            }
                        }
                        Thread.sleep(acceptAfter);
                        accepted.add(messageId);
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "503 5.5.1 bad sequence");
                }
            }
        }
        catch (IOException | InterruptedException gone) {
            // the client hung up, or the test is over
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
