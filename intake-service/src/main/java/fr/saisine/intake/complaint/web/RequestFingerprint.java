package fr.saisine.intake.complaint.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;

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
        try {
            byte[] json = canonical.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }
}
