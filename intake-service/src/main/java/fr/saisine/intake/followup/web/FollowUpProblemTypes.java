package fr.saisine.intake.followup.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import fr.saisine.events.ComplaintStatus;
import fr.saisine.platform.openapi.ProblemResponses;

/**
 * The follow-up API's problem type with a member of its own (FollowUpApiProblems): an answer
 * the case no longer awaits says where the case is, {@code caseStatus}.
 */
@Component
class FollowUpProblemTypes implements OpenApiCustomizer {

    static final String ANSWER_NOT_AWAITED = "AnswerNotAwaitedProblem";
    static final String ANSWER_NOT_AWAITED_REF = "#/components/schemas/" + ANSWER_NOT_AWAITED;

    @Override
    public void customise(OpenAPI api) {
        ProblemResponses.addProblemType(api, ANSWER_NOT_AWAITED, "An answer the case does not await "
                + "(/problems/answer-not-awaited, with the case's status), or a case closed (/problems/case-closed)",
                Map.of("caseStatus", ProblemResponses.stringMember("the case's status, when no answer is awaited",
                        Arrays.stream(ComplaintStatus.values()).map(Enum::name).toList())),
                List.of());
    }
}
