package fr.saisine.intake.attachment.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import fr.saisine.platform.openapi.ProblemResponses;

/**
 * The refusals of attachments (AttachmentProblems) with their own members, {@code limit} and
 * {@code file}, described as such in /v3/api-docs for the answers that can carry them (413, 415
 * of a filing or an answer with files), so that a client reads them and the examples match.
 */
@Component
public class AttachmentProblemTypes implements OpenApiCustomizer {

    public static final String ATTACHMENT_PROBLEM = "AttachmentProblem";
    public static final String ATTACHMENT_PROBLEM_REF = "#/components/schemas/" + ATTACHMENT_PROBLEM;

    @Override
    public void customise(OpenAPI api) {
        ProblemResponses.addProblemType(api, ATTACHMENT_PROBLEM, "A refusal of files (/problems/attachment-too-large, "
                + "/problems/unsupported-attachment), or of the request that carried them",
                Map.of("limit", ProblemResponses.stringMember("the limit exceeded, by its setting "
                                + "(saisine.intake.attachments.*), when files are too many or too large",
                                List.of("max-files", "max-file-size", "max-total-size", "max-request-size")),
                        "file", ProblemResponses.stringMember("the file at fault, by its name, when one is",
                                List.of())),
                List.of());
    }
}
