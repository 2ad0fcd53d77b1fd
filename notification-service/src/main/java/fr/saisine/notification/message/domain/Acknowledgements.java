package fr.saisine.notification.message.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.MessageKind;
import fr.saisine.notification.correspondent.Correspondent;
import fr.saisine.notification.correspondent.CorrespondentDirectory;
import fr.saisine.notification.correspondent.UnknownCorrespondentException;

/** Once a complaint is routed, acknowledges it to everyone it names. */
@Service
public class Acknowledgements {

    private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);

    private final CorrespondentDirectory directory;
    private final LetterWriter writer;
    private final Messages messages;
    private final CorrespondenceClock correspondence;
    private final Clock clock;

    Acknowledgements(CorrespondentDirectory directory, LetterWriter writer, Messages messages,
            CorrespondenceClock correspondence, Clock clock) {
        this.directory = directory;
        this.writer = writer;
        this.messages = messages;
        this.correspondence = correspondence;
        this.clock = clock;
    }

    public void acknowledge(ComplaintTriaged triaged) {
        Correspondent correspondent = directory.find(triaged.reference())
                .orElseThrow(() -> new UnknownCorrespondentException(triaged.reference()));
        Instant now = clock.instant();
        List<OutgoingMessage> letters = correspondent.recipients().stream()
                .map(recipient -> OutgoingMessage.queued(triaged.reference(), MessageKind.ACKNOWLEDGEMENT,
                        recipient.email(), recipient.name(), writer.acknowledgement(correspondent, recipient, triaged),
                        now))
                .toList();
        for (OutgoingMessage already : messages.queueAll(letters)) {
            log.info("acknowledgement of {} to {} already queued: redelivery ignored", triaged.reference(),
                    already.recipient());
        }
        correspondence.started(triaged.reference(), triaged.sector().name(), now);
    }
}
