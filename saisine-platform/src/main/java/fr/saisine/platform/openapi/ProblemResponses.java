package fr.saisine.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The refusals every endpoint can answer, described once as reusable components (the RFC 9457
 * {@code Problem} schema, a response per status, the headers that go with them) and added to
 * each operation they apply to: 401 and 403 where a staff token is needed, 404 where a path
 * parameter could lead elsewhere, 415 where a body is taken, and 400, 406, 500 and 503 to all.
 * An operation's own description of a status wins. Every response carries {@code X-Request-Id}.
 * The problem types are those of docs/api.md.
 */
public final class ProblemResponses implements OpenApiCustomizer {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String REQUEST_ID = "X-Request-Id";

    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHENTICATED = "Unauthenticated";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String NOT_ACCEPTABLE = "NotAcceptable";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String SERVER_ERROR = "ServerError";
    public static final String UNAVAILABLE = "Unavailable";

    /** A reference to a common response, for an operation that describes one of these statuses itself. */
    public static String ref(String response) {
        return "#/components/responses/" + response;
    }

    /** The content of a problem answer, with its examples (name to problem), for a service's own refusals. */
    public static Content problemContent(Map<String, Map<String, Object>> examples) {
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA));
        examples.forEach((name, problem) -> media.addExamples(name, new Example().value(problem)));
        return new Content().addMediaType(PROBLEM_JSON, media);
    }

    /** A problem as the services write it, for examples. */
    public static Map<String, Object> problem(int status, String type, String title, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        problem.put("requestId", "0f4b7c7e-3f6e-4d8a-9a57-8c2b1e6d5a10");
        return problem;
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        addSchemas(components);
        addHeaders(components);
        addResponses(components);
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            addCommonResponses(method, operation, responses);
            responses.values().forEach(ProblemResponses::withRequestId);
            responses.values().forEach(ProblemResponses::headersByReferenceOnly);
            ApiResponses sorted = new ApiResponses();
            new TreeMap<>(responses).forEach(sorted::addApiResponse);
            operation.setResponses(sorted);
        }));
    }

    private static void addCommonResponses(PathItem.HttpMethod method, Operation operation, ApiResponses responses) {
        boolean staff = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean pathParameters = operation.getParameters() != null
                && operation.getParameters().stream().map(Parameter::getIn).anyMatch("path"::equals);
        responses.putIfAbsent("400", new ApiResponse().$ref(ref(BAD_REQUEST)));
        if (staff) {
            responses.putIfAbsent("401", new ApiResponse().$ref(ref(UNAUTHENTICATED)));
            responses.putIfAbsent("403", new ApiResponse().$ref(ref(FORBIDDEN)));
        }
        if (pathParameters) {
            responses.putIfAbsent("404", new ApiResponse().$ref(ref(NOT_FOUND)));
        }
        responses.putIfAbsent("406", new ApiResponse().$ref(ref(NOT_ACCEPTABLE)));
        if (operation.getRequestBody() != null) {
            responses.putIfAbsent("415", new ApiResponse().$ref(ref(UNSUPPORTED_MEDIA_TYPE)));
        }
        responses.putIfAbsent("500", new ApiResponse().$ref(ref(SERVER_ERROR)));
        responses.putIfAbsent("503", new ApiResponse().$ref(ref(UNAVAILABLE)));
    }

    /** Every answer carries the id under which the service logged the request (RequestIdFilter). */
    private static void withRequestId(ApiResponse response) {
        if (response.get$ref() == null) {
            response.addHeaderObject(REQUEST_ID, new Header().$ref("#/components/headers/" + REQUEST_ID));
        }
    }

    /**
     * OpenAPI 3.1 allows nothing beside a header's {@code $ref} but a summary and a description,
     * and springdoc writes {@code style: simple} beside the {@code $ref} of an
     * {@code @Header(ref = ...)}: openapi-spec-validator refuses the description for it.
     */
    private static void headersByReferenceOnly(ApiResponse response) {
        if (response.getHeaders() != null) {
            response.getHeaders().replaceAll((name, header) -> header.get$ref() == null ? header
                    : new Header().$ref(header.get$ref()).description(header.getDescription()));
        }
    }

    /**
     * A problem type with members of its own (RFC 9457 extension members), as a schema named
     * {@code name}: the {@code Problem} and those members (by name), each optional unless listed in
     * {@code required}. A response whose problems carry them refers to it rather than to
     * {@code Problem}, so that its examples match their schema and a generated client keeps them.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static void addProblemType(OpenAPI api, String name, String description, Map<String, Schema> members,
            List<String> required) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        Schema<Object> own = typed(new Schema<>(), "object");
        own.setProperties(new TreeMap<>(members));
        if (!required.isEmpty()) {
            own.setRequired(List.copyOf(required));
        }
        Schema<Object> type = new Schema<>();
        type.setDescription(description);
        type.setAllOf(List.of(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA), own));
        components.addSchemas(name, type);
    }

    /** A string member, its values listed when {@code values} are given, for {@link #addProblemType}. */
    @SuppressWarnings("rawtypes")
    public static Schema stringMember(String description, List<String> values) {
        Schema<Object> member = string(description);
        if (!values.isEmpty()) {
            member.setEnum(List.copyOf(values));
        }
        return member;
    }

    /** An array member, of the given items, for {@link #addProblemType}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Schema arrayMember(String description, Schema items) {
        return typed(new Schema<>(), "array").items(items).description(description);
    }

    private static void addSchemas(Components components) {
        components.addSchemas("FieldError", object("One field at fault: its JSON path, and what is wrong with it")
                .addProperty("field", string("the field, by its JSON path, such as complainant.email"))
                .addProperty("message", string("what is wrong, in words for a person"))
                .required(List.of("field", "message")));
        Schema<Object> problem = object("An RFC 9457 problem: what was refused, and why. Some types add "
                + "members of their own, described by a schema of their own that extends this one (addProblemType).")
                .addProperty("type", string("the problem type, a URI reference listed in docs/api.md")
                        .format("uri-reference"))
                .addProperty("title", string("a short summary of the problem type"))
                .addProperty("status", typed(new Schema<>(), "integer").minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)).description("the HTTP status"))
                .addProperty("detail", string("what is wrong with this request, in words for a person"))
                .addProperty("instance", string("the path of the request").format("uri-reference"))
                .addProperty("requestId", string("the id under which the service logged the request; also in X-Request-Id"))
                .addProperty("errors", typed(new Schema<>(), "array")
                        .items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("one entry per field at fault, when fields are at fault"))
                .required(List.of("type", "title", "status", "detail", "instance"));
        components.addSchemas(PROBLEM_SCHEMA, problem);
    }

    private static void addHeaders(Components components) {
        components.addHeaders(REQUEST_ID, new Header().required(true)
                .description("the id under which the service logged the request, and the audit trail recorded it")
                .schema(string(null).format("uuid")));
        components.addHeaders("WWW-Authenticate", new Header().required(true)
                .description("Bearer, with error=\"invalid_token\" when a token was sent (RFC 6750)")
                .schema(string(null)));
        components.addHeaders("Retry-After", new Header().required(true)
                .description("seconds to wait before retrying").schema(string(null).pattern("^[0-9]+$")));
    }

    private static void addResponses(Components components) {
        components.addResponses(BAD_REQUEST, response("The request is malformed: a path or query parameter, a "
                + "header or the body; `detail` says what, `errors` names each field at fault", Map.of(
                "malformed-reference", problem(400, "/problems/malformed-reference", "Malformed reference",
                        "'2600001' is not a reference: a reference is 8 digits, such as 26000001",
                        "/api/v1/complaints/2600001"),
                "unreadable-body", withErrors(problem(400, "/problems/unreadable-body",
                        "The request body cannot be read", "'SOMETHING' is not one of VIDEO_SURVEILLANCE, ACCESS_RIGHT, "
                                + "ERASURE_RIGHT, MARKETING, DELISTING, EMPLOYEE_MONITORING, HEALTH_DATA, DATA_BREACH, OTHER",
                        "/api/v1/complaints"), "category", "'SOMETHING' is not one of VIDEO_SURVEILLANCE, ..."))));
        components.addResponses(UNAUTHENTICATED, response("No bearer token, or one that is not valid: expired, "
                + "badly signed, unsigned, from another issuer, or not meant for saisine-api", Map.of(
                "no-token", problem(401, "/problems/unauthenticated", "Sign-in required",
                        "this endpoint serves personal data: send an access token (Authorization: Bearer …)",
                        "/api/v1/cases/26000001")))
                .addHeaderObject("WWW-Authenticate", new Header().$ref("#/components/headers/WWW-Authenticate")));
        components.addResponses(FORBIDDEN, response("A valid token without the right: outside the caller's sectors "
                + "(a reference that does not exist answers the same), or a role that may not use this endpoint",
                Map.of("outside-sectors", problem(403, "/problems/forbidden", "Not allowed",
                        "the case 26000001 is not in your sectors", "/api/v1/cases/26000001"))));
        components.addResponses(NOT_FOUND, response("Nothing at that path (a path parameter that leads nowhere)",
                Map.of("not-found", problem(404, "/problems/not-found", "Not Found",
                        "nothing is served at /api/v1/cases/26000001/x", "/api/v1/cases/26000001/x"))));
        ApiResponse notAcceptable = response("No media type in Accept that the endpoint can answer in; a client "
                + "that accepts only text/html (a browser) gets the service's error page instead", Map.of(
                "not-acceptable", problem(406, "/problems/not-acceptable", "Not Acceptable",
                        "this endpoint cannot answer in any of the media types in Accept", "/api/v1/cases/26000001")));
        notAcceptable.getContent().addMediaType("text/html", new MediaType().schema(string("the error page")));
        components.addResponses(NOT_ACCEPTABLE, notAcceptable);
        components.addResponses(UNSUPPORTED_MEDIA_TYPE, response("A body that is not application/json",
                Map.of("unsupported", problem(415, "/problems/unsupported-media-type", "Unsupported Media Type",
                        "this endpoint does not take a body of that Content-Type", "/api/v1/complaints"))));
        components.addResponses(SERVER_ERROR, response("An unexpected error: nothing of the server's insides, "
                + "but the request id under which it is logged", Map.of("server-error", problem(500,
                "/problems/server-error", "Internal Server Error",
                "an unexpected error; it is logged under request id 0f4b7c7e-3f6e-4d8a-9a57-8c2b1e6d5a10",
                "/api/v1/complaints"))));
        components.addResponses(UNAVAILABLE, response("The database cannot be reached, or the read could not be "
                + "recorded in the audit trail (nothing was served nor recorded); retry", Map.of(
                "audit-unavailable", problem(503, "/problems/audit-unavailable", "Audit trail unavailable",
                        "the read could not be recorded in the audit trail; nothing was served, retry in a moment",
                        "/api/v1/cases/26000001"),
                "unavailable", problem(503, "/problems/unavailable", "Temporarily unavailable",
                        "the complaint could not be recorded; nothing was kept, please try again in a moment",
                        "/api/v1/complaints"))));
    }

    private static Map<String, Object> withErrors(Map<String, Object> problem, String field, String message) {
        problem.put("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    private static ApiResponse response(String description, Map<String, Map<String, Object>> examples) {
        return new ApiResponse().description(description).content(problemContent(new TreeMap<>(examples)));
    }

    private static Schema<Object> object(String description) {
        return typed(new Schema<>(), "object").description(description);
    }

    private static Schema<Object> string(String description) {
        return typed(new Schema<>(), "string").description(description);
    }

    /** Both spellings of a schema's type: OpenAPI 3.1 writes {@code types}, 3.0 {@code type}. */
    static Schema<Object> typed(Schema<Object> schema, String type) {
        schema.setType(type);
        schema.addType(type);
        return schema;
    }
}
