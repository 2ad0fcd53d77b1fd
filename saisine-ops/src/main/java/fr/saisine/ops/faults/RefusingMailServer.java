package fr.saisine.ops.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * On the mail server's port while the mail server is away: answers, and refuses every letter for
 * now ({@code 451}, "try again later"), as a server over quota or under maintenance does.
 */
final class RefusingMailServer implements AutoCloseable {

    private final ServerSocket socket;

    RefusingMailServer(int port) throws IOException {
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread.ofVirtual().start(this::serve);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> refuse(client));
            }
            catch (IOException closed) {
                return;
            }
        }
    }

    private static void refuse(Socket client) {
        try (client;
                var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
            out.print("220 refusing.example ESMTP\r\n");
            out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase();
                out.print(switch (command) {
                    case "EHLO", "HELO" -> "250 refusing.example\r\n";
                    case "QUIT" -> "221 bye\r\n";
                    case "RSET", "NOOP" -> "250 OK\r\n";
                    default -> "451 4.3.2 not taking mail for now, try again later\r\n";
                });
                out.flush();
                if (command.equals("QUIT")) {
                    return;
                }
            }
        }
        catch (IOException gone) {
            // the client hung up
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
