package fr.saisine.triage.datasubject.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Service;

import fr.saisine.events.AccessOutcome;
import fr.saisine.platform.access.AccessAudit;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.triage.retention.domain.RetentionRun;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DPO's answers to data subjects' requests about the authority's own processing (GDPR art. 15
 * and 17): everything the three services hold about an email address, gathered here from intake's
 * part (which finds the complaints), triage's own and notification's, each service serving its part
 * to the DPO's own token; and the erasure of what no obligation requires keeping, through the
 * retention schedule's own path ({@link RetentionRun#eraseOnRequest}). Every answer is recorded in
 * the audit trail, with the references it concerns, before it leaves.
 */
@Service
public class DataSubjectRequests {

    private final ServiceParts parts;
    private final TriageHoldings triage;
    private final RetentionRun retention;
    private final AccessAudit audit;
    private final JsonMapper json;
    private final Clock clock;

    DataSubjectRequests(ServiceParts parts, TriageHoldings triage, RetentionRun retention, AccessAudit audit,
            JsonMapper json, Clock clock) {
        this.parts = parts;
        this.triage = triage;
        this.retention = retention;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Field names are a contract: add, never rename. */
    public record Access(String email, Instant at, List<String> references, JsonNode intake,
            List<TriageHoldings.CaseHoldings> triage, JsonNode notification) {
    }

    public record Kept(String reference, String reason) {
    }

    /** @param runId the elimination record of the request; null when no complaint names the address */
    public record Erasure(String email, Instant at, String reason, String runId, List<String> erased, List<Kept> kept,
            List<String> erasedBefore) {
    }

    /** @param address checked and normalised already */
    public Access access(StaffMember dpo, String address, String token) {
        JsonNode intake = parts.intake(address, token);
        List<String> references = references(intake);
        var cases = triage.of(references, address);
        JsonNode notification = parts.notification(address, references, token);
        audit.record(dpo, references, AccessOutcome.ALLOWED, "data-subject request: access");
        return new Access(address, clock.instant(), references, intake, cases, notification);
    }

    /** The same as {@link #access}, as a ZIP: {@code data-subject.json}, then every file listed, as sent. */
    public byte[] accessWithFiles(StaffMember dpo, String address, String token) {
        Access access = access(dpo, address, token);
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("data-subject.json"));
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(access));
            zip.closeEntry();
            for (JsonNode complaint : access.intake().path("complaints")) {
                String reference = complaint.path("reference").asString();
                for (JsonNode file : complaint.path("files")) {
                    String id = file.path("id").asString();
                    byte[] content = parts.intakeFile(address, reference, id, token);
                    zip.putNextEntry(new ZipEntry("files/" + reference + "/" + safe(id) + "/"
                            + safe(file.path("filename").asString())));
                    zip.write(content);
                    zip.closeEntry();
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /** @param address checked and normalised already; {@code reason} given */
    public Erasure erase(StaffMember dpo, String address, String reason, String token) {
        List<String> references = references(parts.intake(address, token));
        audit.record(dpo, references, AccessOutcome.ALLOWED, "data-subject request: erasure asked");
        if (references.isEmpty()) {
            return new Erasure(address, clock.instant(), reason, null, List.of(), List.of(), List.of());
        }
        RetentionRun.RequestOutcome outcome = retention.eraseOnRequest(references, reason);
        List<Kept> kept = new ArrayList<>();
        outcome.kept().forEach((reference, why) -> kept.add(new Kept(reference, why)));
        // the change itself, as a record of its own: what was ordered erased, under which elimination record
        audit.record(dpo, outcome.erased(), AccessOutcome.ALLOWED,
                "data-subject request: erasure ordered (elimination record " + outcome.record().runId() + ")");
        return new Erasure(address, clock.instant(), reason, outcome.record().runId(), outcome.erased(), kept,
                outcome.erasedBefore());
    }

    private static List<String> references(JsonNode intake) {
        List<String> references = new ArrayList<>();
        intake.path("complaints").forEach(c -> references.add(c.path("reference").asString()));
        return references.stream().distinct().sorted().toList();
    }

    /** A path segment that cannot climb out of its folder. */
    private static String safe(String name) {
        String cleaned = name == null ? "" : name.replaceAll("[/\\\\:\\x00-\\x1f]", "_").replaceAll("^\\.+", "_");
        return cleaned.isBlank() ? "file" : cleaned;
    }
}
