package fr.saisine.triage.cases.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import fr.saisine.triage.cases.domain.CaseNotFoundException;

/** RFC 9457 problem details for every refusal of the staff API. */
@RestControllerAdvice(annotations = RestController.class)
class StaffApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ProblemDetail caseNotFound(CaseNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "Unknown case", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail sectorNotFound(UnknownSectorException ex) {
        return problem(HttpStatus.NOT_FOUND, "Unknown sector", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail badParameter(IllegalArgumentException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid parameter", ex.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
