package fr.saisine.triage.cases.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import fr.saisine.platform.openapi.ProblemResponses;
import fr.saisine.triage.cases.domain.CaseStatus;

/**
 * The staff API's problem types with members of their own (StaffApiProblems), described as such
 * in /v3/api-docs, so that a client reads them and their examples match their schema.
 */
@Component
class CaseProblemTypes implements OpenApiCustomizer {

    static final String TRANSITION_NOT_ALLOWED = "TransitionNotAllowedProblem";
    static final String TRANSITION_NOT_ALLOWED_REF = "#/components/schemas/" + TRANSITION_NOT_ALLOWED;

    @Override
    public void customise(OpenAPI api) {
        List<String> statuses = Arrays.stream(CaseStatus.values()).map(Enum::name).toList();
        ProblemResponses.addProblemType(api, TRANSITION_NOT_ALLOWED, "The refusal of a change of status the "
                + "lifecycle does not allow (/problems/transition-not-allowed): where the case is, and where it can go",
                Map.of("caseStatus", ProblemResponses.stringMember("the case's status", statuses),
                        "allowedTransitions", ProblemResponses.arrayMember("the statuses it can go to from there",
                                ProblemResponses.stringMember(null, statuses))),
                List.of());
    }
}
