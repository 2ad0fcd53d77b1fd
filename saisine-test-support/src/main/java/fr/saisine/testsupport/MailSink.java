package fr.saisine.testsupport;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads what the SMTP sink (GreenMail) received, through its REST API, as parsed MIME messages. */
public final class MailSink {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Session session = Session.getInstance(new Properties());
    private final String api;

    public MailSink(String api) {
        this.api = api;
    }

    public static MailSink ofTestServers() {
        return new MailSink(TestServers.addresses().mailApi());
    }

    /** Every message delivered to this address, oldest first; none when the address got nothing yet. */
    public List<MimeMessage> messagesTo(String address) {
        try {
            URI uri = URI.create(api + "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8)
                    + "/messages/INBOX");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return List.of();
            }
            List<MimeMessage> messages = new ArrayList<>();
            for (JsonNode message : json.readTree(response.body())) {
                byte[] mime = message.get("mimeMessage").asString().getBytes(StandardCharsets.UTF_8);
                messages.add(new MimeMessage(session, new ByteArrayInputStream(mime)));
            }
            return messages;
        }
        catch (Exception ex) {
            throw new IllegalStateException("could not read the mail sink at " + api, ex);
        }
    }
}
