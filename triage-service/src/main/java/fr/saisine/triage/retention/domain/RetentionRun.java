package fr.saisine.triage.retention.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.saisine.events.ErasureRule;
import fr.saisine.platform.store.ErasedPages;
import fr.saisine.triage.audit.domain.AuditLog;
import fr.saisine.triage.cases.domain.Case;
import fr.saisine.triage.cases.domain.CaseStatus;
import fr.saisine.triage.cases.domain.Cases;
import fr.saisine.triage.retention.RetentionProperties;

/**
 * Applies triage's lines of the retention schedule: every case closed longer ago than
 * {@code saisine.retention.after-closing}, not reopened since, not under a legal hold, is
 * anonymised, and its erasure ordered to every service ({@code ErasureOrdered}, in the same write);
 * audit records older than {@code saisine.retention.audit-log} are deleted. The cases due are found
 * without a scan: the closing-day documents from the day after the last one gone through to the
 * cutoff's, read by {@code _id} ({@link Cases#closedOn}), and each case then checked itself. A run
 * stopped in the middle leaves its record unfinished and its progress where it was: the next run
 * reads the same days again, and finds the cases erased already as such.
 */
@Service
public class RetentionRun {

    private static final Logger log = LoggerFactory.getLogger(RetentionRun.class);
    /** A first run, with no progress kept, looks this far back before the cutoff for closing days. */
    static final int FIRST_LOOKBACK_DAYS = 3_660;
    /**
     * Cases read, anonymised and added to the record at once: each addition rewrites the record
     * (FerretDB), so not too often; ByIds reads 500 ids a query.
     */
    static final int BATCH = 1_000;
    static final int ATTEMPTS = 5;
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Cases cases;
    private final Eliminations eliminations;
    private final AuditLog auditLog;
    private final RetentionProperties properties;
    private final Clock clock;
    private final ErasedPages pages;

    RetentionRun(Cases cases, Eliminations eliminations, AuditLog auditLog, RetentionProperties properties,
            Clock clock, ErasedPages pages) {
        this.cases = cases;
        this.eliminations = eliminations;
        this.auditLog = auditLog;
        this.properties = properties;
        this.clock = clock;
        this.pages = pages;
    }

    /** The cases due now, and those that would be but are held: what a run would erase and skip. */
    public record Due(List<Case> due, List<String> held, LocalDate lastCompleteDay) {
    }

    /** Runs the schedule now, on this instance; one run at a time here (other instances: see the schedule). */
    public synchronized EliminationRecord run() {
        Instant now = clock.instant();
        String runId = RUN_ID.format(now) + "-" + UUID.randomUUID().toString().substring(0, 6);
        Instant cutoff = properties.afterClosingPeriod().before(now);
        eliminations.start(runId, ErasureRule.AFTER_CLOSING, now, properties.afterClosing(), cutoff,
                properties.auditLog(), properties.services(), null);
        Due found = due(cutoff);
        List<String> erased = new ArrayList<>();
        List<String> held = new ArrayList<>(found.held());
        Set<String> carried = new LinkedHashSet<>();
        List<Case> due = found.due();
        for (int from = 0; from < due.size(); from += BATCH) {
            Anonymised outcome = anonymiseAll(due.subList(from, Math.min(due.size(), from + BATCH)),
                    ErasureRule.AFTER_CLOSING, runId, c -> isDue(c, cutoff));
            held.addAll(outcome.held());
            carried.addAll(outcome.changing());
            if (!outcome.erased().isEmpty()) {
                eliminations.addErased(runId, outcome.erased(), now);
                erased.addAll(outcome.erased());
            }
        }
        long auditDeleted = auditLog.deleteOlderThan(properties.auditLogPeriod().before(now));
        if (auditDeleted > 0) {
            pages.erasedFrom("audit_log");
        }
        List<String> skipped = held.stream().distinct().sorted().toList();
        eliminations.finish(runId, clock.instant(), skipped, auditDeleted);
        carried.addAll(skipped);
        eliminations.saveProgress(new Eliminations.Progress(found.lastCompleteDay(), carried));
        if (erased.isEmpty()) {
            // nothing to answer for: complete at once
            eliminations.markComplete(runId, clock.instant());
        }
        log.info("retention run {}: {} case(s) anonymised and ordered erased, {} skipped under a legal hold, "
                + "{} audit record(s) deleted (cutoff {})", runId, erased.size(), skipped.size(), auditDeleted, cutoff);
        return eliminations.find(runId).orElseThrow();
    }

    /** Why a case named in a data subject's request for erasure was kept. */
    public static final String OPEN_CASE = "the case is being handled: art. 17(3)(b) and (e) GDPR";
    static final String CHANGING = "the case kept changing while its erasure was decided: ask again";

    /**
     * What a data subject's request for erasure did: its elimination record (rule
     * {@code DATA_SUBJECT_REQUEST}, the reason given), the cases erased, those kept and why, and
     * those erased before.
     */
    public record RequestOutcome(EliminationRecord record, List<String> erased, Map<String, String> kept,
            List<String> erasedBefore) {
    }

    /**
     * Erases, at a data subject's request (GDPR art. 17), the cases of these complaints that no
     * obligation requires keeping: a closed case not under a legal hold is anonymised and its
     * erasure ordered to every service, as the schedule's run does it; an open case is kept (the
     * authority still needs it to handle the complaint, art. 17(3)(b) and (e)), and so is a held
     * one (the hold's reason), and a complaint with no case yet (being routed: it is open). One
     * elimination record of its own, with the reason, whatever was erased.
     */
    public synchronized RequestOutcome eraseOnRequest(Collection<String> references, String reason) {
        Instant now = clock.instant();
        String runId = RUN_ID.format(now) + "-dsr-" + UUID.randomUUID().toString().substring(0, 6);
        eliminations.start(runId, ErasureRule.DATA_SUBJECT_REQUEST, now, null, null, null, properties.services(),
                reason);
        List<String> erased = new ArrayList<>();
        Map<String, String> kept = new TreeMap<>();
        List<String> erasedBefore = new ArrayList<>();
        List<String> held = new ArrayList<>();
        Set<String> asked = new TreeSet<>(references);
        Map<String, Case> found = cases.findAll(asked);
        List<Case> closed = new ArrayList<>();
        for (String reference : asked) {
            Case each = found.get(reference);
            if (each == null) {
                kept.put(reference, OPEN_CASE);
            }
            else if (each.state().isAnonymised()) {
                erasedBefore.add(reference);
            }
            else {
                closed.add(each);
            }
        }
        Anonymised outcome = anonymiseAll(closed, ErasureRule.DATA_SUBJECT_REQUEST, runId,
                c -> c.state().status() == CaseStatus.CLOSED && !c.state().isAnonymised());
        erased.addAll(outcome.erased());
        outcome.changing().forEach(reference -> kept.put(reference, CHANGING));
        for (Case current : outcome.left()) {
            String reference = current.state().reference();
            if (current.state().isAnonymised()) {
                erasedBefore.add(reference);
            }
            else if (current.state().underLegalHold()) {
                held.add(reference);
                kept.put(reference, "under a legal hold: " + holdReason(current));
            }
            else {
                kept.put(reference, OPEN_CASE);
            }
        }
        if (!erased.isEmpty()) {
            eliminations.addErased(runId, erased, now);
        }
        eliminations.finish(runId, clock.instant(), held, 0);
        if (erased.isEmpty()) {
            eliminations.markComplete(runId, clock.instant());
        }
        log.info("data-subject erasure {}: {} case(s) anonymised and ordered erased, {} kept", runId, erased.size(),
                kept.size());
        return new RequestOutcome(eliminations.find(runId).orElseThrow(), erased, kept, erasedBefore);
    }

    private static String holdReason(Case held) {
        var holds = held.state().legalHolds();
        return holds.isEmpty() ? "" : holds.get(holds.size() - 1).reason();
    }

    /** How many cases are past their period and neither erased nor held: the overdue metric. */
    public long overdue() {
        return due(properties.afterClosingPeriod().before(clock.instant())).due().size();
    }

    /**
     * What {@link #anonymiseAll} did: the references anonymised, those held (a hold came first),
     * those that kept changing, and the cases left as they are now (held ones included), no longer due.
     */
    record Anonymised(List<String> erased, List<String> held, List<String> changing, List<Case> left) {
    }

    /**
     * Anonymises those of the cases still due, on their latest versions, in one write a round: a
     * case someone changed meanwhile (a hold, a reopening) is read again and decided again, up to
     * {@link #ATTEMPTS} times.
     */
    private Anonymised anonymiseAll(List<Case> candidates, ErasureRule rule, String runId, Predicate<Case> due) {
        List<String> erased = new ArrayList<>();
        List<String> held = new ArrayList<>();
        List<Case> left = new ArrayList<>();
        List<Case> current = candidates;
        for (int attempt = 1; attempt <= ATTEMPTS && !current.isEmpty(); attempt++) {
            List<Case.Change> changes = new ArrayList<>();
            for (Case each : current) {
                if (each.state().underLegalHold()) {
                    held.add(each.state().reference());
                    left.add(each);
                }
                else if (!due.test(each)) {
                    left.add(each);
                }
                else {
                    changes.add(each.anonymise(rule, runId, clock.instant()));
                }
            }
            Set<String> changedFirst = changes.isEmpty() ? Set.of() : cases.anonymiseAll(changes);
            changes.stream().map(change -> change.state().reference()).filter(r -> !changedFirst.contains(r))
                    .forEach(erased::add);
            // someone changed these meanwhile: decide again on what they are now
            current = List.copyOf(cases.findAll(changedFirst).values());
        }
        List<String> changing = current.stream().map(c -> c.state().reference()).toList();
        changing.forEach(reference -> log.warn("case {} changed {} times during the retention run: left for the "
                + "next run", reference, ATTEMPTS));
        return new Anonymised(erased, held, changing, left);
    }

    /** Still closed, last closed before the cutoff, not erased already. */
    static boolean isDue(Case c, Instant cutoff) {
        Instant closed = c.state().lastClosedAt();
        return c.state().status() == CaseStatus.CLOSED && !c.state().isAnonymised() && closed != null
                && !closed.isAfter(cutoff);
    }

    /**
     * The cases closed on the days after the last one gone through, up to the cutoff's day, and the
     * cases held at the last run; each checked on its latest version. The cutoff's own day is read
     * but not counted gone through: its later closings are not due yet.
     */
    Due due(Instant cutoff) {
        Eliminations.Progress progress = eliminations.progress();
        LocalDate cutoffDay = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
        LocalDate from = progress.lastDay() == null ? cutoffDay.minusDays(FIRST_LOOKBACK_DAYS)
                : progress.lastDay().plusDays(1);
        List<LocalDate> days = from.isAfter(cutoffDay) ? List.of() : from.datesUntil(cutoffDay.plusDays(1)).toList();
        Set<String> candidates = new LinkedHashSet<>(progress.held());
        Map<LocalDate, Set<String>> closed = cases.closedOn(days);
        days.forEach(day -> candidates.addAll(closed.getOrDefault(day, Set.of())));
        List<Case> due = new ArrayList<>();
        List<String> held = new ArrayList<>();
        List<String> listed = List.copyOf(candidates);
        for (int at = 0; at < listed.size(); at += BATCH) {
            cases.findAll(listed.subList(at, Math.min(listed.size(), at + BATCH))).values().stream()
                    .filter(c -> isDue(c, cutoff)).forEach(c -> {
                        if (c.state().underLegalHold()) {
                            held.add(c.state().reference());
                        }
                        else {
                            due.add(c);
                        }
                    });
        }
        LocalDate lastComplete = cutoffDay.minusDays(1);
        // a day whose closings another instance has not folded yet is read again at the next run
        LocalDate unlisted = cases.earliestUnlistedClosing().orElse(null);
        if (unlisted != null && !unlisted.isAfter(lastComplete)) {
            lastComplete = unlisted.minusDays(1);
        }
        if (progress.lastDay() != null && lastComplete.isBefore(progress.lastDay())) {
            lastComplete = progress.lastDay(); // a longer period set since: never go back
        }
        return new Due(due, held, lastComplete);
    }
}
