package fr.saisine.intake.complaint.web;

import java.util.Locale;

import jakarta.validation.ConstraintViolation;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The form's errors in the page's language. The French ones are the API's own messages
 * ({@link ComplaintRequest}); another language words them in its bundle, under
 * {@code error.<field path, without row numbers>.<constraint>}, else {@code error.<constraint>}.
 */
@Component
class FormErrors {

    private final MessageSource messages;

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    String message(ConstraintViolation<ComplaintRequest> violation, Locale locale) {
        String path = violation.getPropertyPath().toString().replaceAll("\\[\\d+]", "");
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        if (violation.getRootBean().complainant() != null && violation.getRootBean().complainant().type() != null
                && constraint.equals(ReachableComplainant.class.getSimpleName()) && path.equals("complainant.email")) {
            // one constraint, two messages: a person's address, or an organisation's or a representative's
            constraint += "." + violation.getRootBean().complainant().type().name();
        }
        Object[] max = { violation.getConstraintDescriptor().getAttributes().get("max") };
        String worded = messages.getMessage("error." + path + "." + constraint, max, null, locale);
        if (worded == null) {
            worded = messages.getMessage("error." + constraint.replaceAll("\\..*", ""), max, null, locale);
        }
        return worded == null ? violation.getMessage() : worded;
    }
}
