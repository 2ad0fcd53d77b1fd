package fr.saisine.intake.complaint.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.saisine.events.ComplaintSubmitted.Attachment;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SHA-256 of a complaint request in canonical JSON: the request as read (from the API's JSON
 * or the form's fields), written again with sorted keys and without empty values. So whitespace,
 * key order, escapes, and an empty field against an absent one do not make a retry a different
 * request; and a field added to the request later, absent from old requests, changes no stored hash.
 */
@Component
class RequestFingerprint {

    private final JsonMapper canonical;

    RequestFingerprint(JsonMapper json) {
        this.canonical = json.rebuild()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .changeDefaultPropertyInclusion(
                        inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
                .build();
    }

    String of(ComplaintRequest request) {
        return sha256(canonical.writeValueAsBytes(request));
    }

    /**
     * With files: the complaint's fingerprint and, in the order sent, each file's name and digest. A
     * complaint without files keeps the fingerprint it had before attachments existed.
     */
    String of(ComplaintRequest request, List<Attachment> attachments) {
        if (attachments.isEmpty()) {
            return of(request);
        }
        StringBuilder all = new StringBuilder(of(request));
        attachments.forEach(a -> all.append('\n').append(a.filename()).append('\t').append(a.sha256()));
        return sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }
}
