package fr.saisine.platform.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Says, from Jackson's exception, which field of an unreadable body is wrong and how. */
public record BodyProblem(String field, String detail) {

    /** The problem type of an unreadable body, in every service's API. */
    public static final String TYPE = "/problems/unreadable-body";

    public static BodyProblem of(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new BodyProblem(path(unknown), "unknown field '" + unknown.getPropertyName() + "'");
        }
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return new BodyProblem(path(invalid), "'" + invalid.getValue() + "' is not one of " + allowed);
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String expected = mismatched.getTargetType() == null ? "another type"
                    : describe(mismatched.getTargetType());
            return new BodyProblem(path(mismatched), "expected " + expected);
        }
        if (cause instanceof StreamReadException malformed) {
            var at = malformed.getLocation();
            return new BodyProblem(null, "malformed JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        }
        return new BodyProblem(null, "a JSON body is expected");
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference step : ex.getPath()) {
            if (step.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getPropertyName());
            }
            else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }
}
