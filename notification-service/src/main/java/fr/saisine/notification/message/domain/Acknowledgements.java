package fr.saisine.notification.message.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.MessageKind;
import fr.saisine.notification.correspondent.Correspondent;
import fr.saisine.notification.correspondent.CorrespondentDirectory;
import fr.saisine.notification.correspondent.UnknownCorrespondentException;
import fr.saisine.notification.message.domain.Messages.TracedLetter;
import fr.saisine.platform.logging.LogSafe;
import fr.saisine.platform.tracing.EventTracing;

/** Once a complaint is routed, acknowledges it to everyone it names. */
@Service
public class Acknowledgements {

    private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);

    private final CorrespondentDirectory directory;
    private final LetterWriter writer;
    private final Messages messages;
    private final CorrespondenceClock correspondence;
    private final Clock clock;
    private final EventTracing tracing;

    Acknowledgements(CorrespondentDirectory directory, LetterWriter writer, Messages messages,
            CorrespondenceClock correspondence, Clock clock, EventTracing tracing) {
        this.tracing = tracing;
        this.directory = directory;
        this.writer = writer;
        this.messages = messages;
        this.correspondence = correspondence;
        this.clock = clock;
    }

    /** Writes and queues the acknowledgements of a routed complaint, in the work in progress. */
    public void acknowledge(ComplaintTriaged triaged) {
        String traceparent = tracing.current();
        queueAll(List.of(triaged), write(triaged).stream().map(letter -> new TracedLetter(letter, traceparent)).toList());
    }

    /**
     * The acknowledgements of a routed complaint, one to each person it names, written but not yet
     * queued: {@link #queueAll} queues those of several complaints at once.
     *
     * @throws UnknownCorrespondentException when the complaint's submission has not been received
     */
    public List<OutgoingMessage> write(ComplaintTriaged triaged) {
        return write(triaged, directory.find(triaged.reference()));
    }

    /**
     * The same, for a complaint whose correspondents were read already, with those of the other
     * routings of a poll ({@link CorrespondentDirectory#findAll}).
     *
     * @param known its correspondents, empty when none were found
     * @throws UnknownCorrespondentException when the complaint's submission has not been received
     */
    public List<OutgoingMessage> write(ComplaintTriaged triaged, Optional<Correspondent> known) {
        Correspondent correspondent = known.orElseThrow(() -> new UnknownCorrespondentException(triaged.reference()));
        Instant now = clock.instant();
        return correspondent.recipients().stream()
                .map(recipient -> OutgoingMessage.queued(triaged.reference(), MessageKind.ACKNOWLEDGEMENT,
                        recipient.email(), recipient.name(),
                        writer.acknowledgement(correspondent, recipient, triaged, LocalDate.ofInstant(now, LetterWriter.FRANCE)),
                        now))
                .toList();
    }

    /** Queues the acknowledgements written for these routed complaints, and starts their clocks. */
    public void queueAll(List<ComplaintTriaged> routed, List<TracedLetter> letters) {
        Map<String, String> traces = new HashMap<>();
        letters.forEach(letter -> traces.putIfAbsent(letter.message().id(), letter.traceparent()));
        for (OutgoingMessage already : messages.queueTraced(letters)) {
            // said in the trace of the complaint it is about, as it would be one event at a time
            tracing.continueTrace(traces.get(already.id()), "acknowledge", already.reference(),
                    () -> log.info("acknowledgement {} already queued: redelivery ignored",
                            LogSafe.id(already.id())));
        }
        correspondence.startedAll(routed, clock.instant());
    }
}
