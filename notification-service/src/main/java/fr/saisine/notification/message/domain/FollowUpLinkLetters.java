package fr.saisine.notification.message.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.saisine.events.FollowUpLinkRequested;
import fr.saisine.events.MessageKind;
import fr.saisine.notification.correspondent.Correspondent;
import fr.saisine.notification.correspondent.CorrespondentDirectory;
import fr.saisine.notification.correspondent.UnknownCorrespondentException;

/**
 * Mails a fresh follow-up link to someone who lost theirs, at an address the complaint names (intake
 * checked it; checked again here, for this service writes only to the people a complaint names).
 * One letter per request, whatever is redelivered.
 */
@Service
public class FollowUpLinkLetters {

    private static final Logger log = LoggerFactory.getLogger(FollowUpLinkLetters.class);

    private final CorrespondentDirectory directory;
    private final LetterWriter writer;
    private final Messages messages;
    private final Clock clock;
    private final CorrespondenceClock correspondence;

    FollowUpLinkLetters(CorrespondentDirectory directory, LetterWriter writer, Messages messages, Clock clock,
            CorrespondenceClock correspondence) {
        this.correspondence = correspondence;
        this.directory = directory;
        this.writer = writer;
        this.messages = messages;
        this.clock = clock;
    }

    public void requested(FollowUpLinkRequested request) {
        Correspondent correspondent = directory.find(request.reference())
                .orElseThrow(() -> new UnknownCorrespondentException(request.reference()));
        Optional<Correspondent.Recipient> recipient = correspondent.recipients().stream()
                .filter(r -> same(r.email(), request.recipient())).findFirst();
        if (recipient.isEmpty()) {
            log.warn("a follow-up link for {} was asked for an address the complaint does not name: nothing sent",
                    request.reference());
            return;
        }
        Letter letter = writer.followUpLink(correspondent, recipient.get(),
                correspondence.state(request.reference()).map(CaseHandling::of).orElse(null),
                LocalDate.ofInstant(clock.instant(), LetterWriter.FRANCE));
        String id = request.reference() + ":" + MessageKind.FOLLOW_UP_LINK + ":" + request.requestId();
        if (!messages.queue(OutgoingMessage.queued(id, request.reference(), MessageKind.FOLLOW_UP_LINK,
                recipient.get().email(), recipient.get().name(), letter, clock.instant()))) {
            log.info("follow-up link {} of {} already queued: redelivery ignored", request.requestId(),
                    request.reference());
        }
    }

    private static boolean same(String one, String other) {
        return one.strip().toLowerCase(Locale.ROOT).equals(other.strip().toLowerCase(Locale.ROOT));
    }
}
