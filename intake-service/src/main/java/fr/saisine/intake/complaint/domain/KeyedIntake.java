package fr.saisine.intake.complaint.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import fr.saisine.intake.complaint.domain.KeyedSubmission.Filed;
import fr.saisine.intake.complaint.domain.KeyedSubmission.InFlight;
import fr.saisine.intake.complaint.domain.KeyedSubmission.KeyReused;
import fr.saisine.intake.complaint.domain.KeyedSubmission.Replayed;
import fr.saisine.platform.logging.LogSafe;

/**
 * Files a complaint once per submission key, however often, and on however many instances, the
 * request comes. FerretDB 1.24 isolates nothing but an insert on a unique {@code _id}
 * (docs/ferretdb.md), so every decision is such an insert:
 * <ol>
 * <li>the first request inserts the key's claim ({@code IN_FLIGHT}, with the request's
 * fingerprint), files the complaint, then records its reference in the claim ({@code COMPLETED});
 * <li>a request whose insert loses reads the key: another request's content answers
 * {@link KeyReused}; a filed one {@link Replayed}; one still being filed {@link InFlight};
 * <li>a claim still in flight after {@code in-flight-timeout}, or any key past its time to live,
 * is taken over: the request that inserts takeover number n (the claim's attempt + 1) writes its
 * own claim over the key and files. A takeover whose winner died before writing its claim is
 * itself taken over once as old, by the next number.
 * </ol>
 * An expired key is taken over rather than deleted and claimed again: two requests deleting then
 * inserting could each delete the other's fresh claim, whereas one takeover number has one winner.
 * <p>
 * The window left open: a holder that dies, or stalls past the timeout, after its complaint is
 * stored but before the key records it. The next request after the timeout takes the key over and
 * files the complaint a second time (a stalled holder then also overwrites the taker's answer).
 * Closing it needs the key in the complaint's own insert (in its document or in
 * {@code ComplaintSubmitted}) and, in the claim, each reference tried, so that a taker can read
 * those complaints by {@code _id} and adopt the one filed under its key instead of filing again.
 * Expired keys are not purged yet (FerretDB has no TTL index; a periodic purge is left for later).
 */
@Service
public class KeyedIntake {

    private static final Logger log = LoggerFactory.getLogger(KeyedIntake.class);
    /** A key can be given up by its holder between our losing insert and our read: claim again. */
    static final int MAX_ROUNDS = 3;
    /** Each skipped takeover is a holder that died: many in a row means something else is wrong. */
    static final int MAX_DEAD_TAKEOVERS = 20;
    private static final Duration POLL = Duration.ofMillis(100);

    private final ComplaintIntake intake;
    private final SubmissionKeys keys;
    private final Clock clock;
    private final Duration ttl;
    private final Duration inFlightTimeout;

    KeyedIntake(ComplaintIntake intake, SubmissionKeys keys, Clock clock,
            @Value("${saisine.intake.idempotency-key-ttl}") Duration ttl,
            @Value("${saisine.intake.idempotency-in-flight-timeout}") Duration inFlightTimeout) {
        this.intake = intake;
        this.keys = keys;
        this.clock = clock;
        this.ttl = ttl;
        this.inFlightTimeout = inFlightTimeout;
    }

    /** @param fingerprint the request's content, canonical, so that a retry matches its original */
    public KeyedSubmission submit(SubmissionKey key, String fingerprint, NewComplaint complaint) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant now = clock.instant();
            KeyClaim claim = KeyClaim.claim(key.id(), fingerprint, now, ttl, 0);
            if (keys.insert(claim)) {
                return file(claim, complaint);
            }
            Optional<KeyClaim> stored = keys.find(key.id());
            if (stored.isEmpty()) {
                continue;
            }
            KeyClaim existing = stored.get();
            if (existing.expired(now)) {
                return takeOver(existing, fingerprint, complaint, now);
            }
            if (!existing.fingerprint().equals(fingerprint)) {
                return new KeyReused(existing.submitted());
            }
            if (existing.status() == KeyClaim.Status.COMPLETED) {
                return new Replayed(existing.submitted());
            }
            return existing.stale(now, inFlightTimeout)
                    ? takeOver(existing, fingerprint, complaint, now) : new InFlight();
        }
        return new InFlight();
    }

    /**
     * As {@link #submit}, but a request still in flight with the same key is waited for, up to
     * {@code patience}, and its answer given: a browser shows only the last of two clicks.
     */
    public KeyedSubmission submit(SubmissionKey key, String fingerprint, NewComplaint complaint, Duration patience) {
        Instant deadline = clock.instant().plus(patience);
        KeyedSubmission outcome = submit(key, fingerprint, complaint);
        while (outcome instanceof InFlight && clock.instant().isBefore(deadline) && pause()) {
            outcome = submit(key, fingerprint, complaint);
        }
        return outcome;
    }

    private KeyedSubmission takeOver(KeyClaim existing, String fingerprint, NewComplaint complaint, Instant now) {
        int attempt = existing.attempt() + 1;
        for (int dead = 0; dead < MAX_DEAD_TAKEOVERS; dead++, attempt++) {
            if (keys.insertTakeover(existing.id(), attempt, now, now.plus(ttl))) {
                KeyClaim claim = KeyClaim.claim(existing.id(), fingerprint, now, ttl, attempt);
                keys.replace(claim);
                log.info("submission key {} taken over (attempt {})", LogSafe.id(existing.id()), attempt);
                return file(claim, complaint);
            }
            Optional<Instant> rival = keys.takeoverAt(existing.id(), attempt);
            boolean rivalDied = rival.isPresent() && !now.isBefore(rival.get().plus(inFlightTimeout));
            if (!rivalDied) {
                return new InFlight();
            }
        }
        return new InFlight();
    }

    private KeyedSubmission file(KeyClaim claim, NewComplaint complaint) {
        SubmittedComplaint submitted;
        try {
            submitted = intake.submit(complaint);
        }
        catch (RuntimeException ex) {
            release(claim);
            throw ex;
        }
        try {
            keys.complete(claim.id(), submitted);
        }
        catch (RuntimeException ex) {
            // the complaint is filed and the client must hear so; a retry after the timeout files it again
            log.error("complaint {} filed but not recorded under its key {}", submitted.reference(),
                    LogSafe.id(claim.id()), LogSafe.throwable(ex));
        }
        return new Filed(submitted);
    }

    /** Nothing was filed: free the key, so that the client's retry files at once rather than after the timeout. */
    private void release(KeyClaim claim) {
        try {
            boolean stillOurs = keys.find(claim.id())
                    .filter(k -> k.attempt() == claim.attempt() && k.status() == KeyClaim.Status.IN_FLIGHT).isPresent();
            if (stillOurs) {
                keys.delete(claim.id());
            }
        }
        catch (RuntimeException ex) {
            log.warn("submission key {} not released; it frees itself after {}: {}", LogSafe.id(claim.id()),
                    inFlightTimeout, LogSafe.describe(ex));
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(POLL);
            return true;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
