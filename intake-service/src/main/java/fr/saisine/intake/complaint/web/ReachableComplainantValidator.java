package fr.saisine.intake.complaint.web;

import java.util.List;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import fr.saisine.events.ComplainantType;

public class ReachableComplainantValidator implements ConstraintValidator<ReachableComplainant, ComplaintRequest.Complainant> {

    @Override
    public boolean isValid(ComplaintRequest.Complainant complainant, ConstraintValidatorContext context) {
        if (complainant == null || complainant.type() == null) {
            return true; // reported by @NotNull on the field itself
        }
        boolean hasEmail = complainant.email() != null && !complainant.email().isBlank();
        var representatives = complainant.representatives() == null
                ? List.<ComplaintRequest.Representative>of() : complainant.representatives();
        if (complainant.type() == ComplainantType.PERSON) {
            return hasEmail || violation(context, "email", "indiquez une adresse électronique pour vous répondre");
        }
        if (representatives.isEmpty()) {
            return violation(context, "representatives", "un organisme nomme au moins un représentant");
        }
        boolean aRepresentativeHasEmail = representatives.stream()
                .anyMatch(r -> r != null && r.email() != null && !r.email().isBlank());
        return hasEmail || aRepresentativeHasEmail || violation(context, "email",
                "indiquez l'adresse électronique de l'organisme ou celle d'un représentant");
    }

    private static boolean violation(ConstraintValidatorContext context, String field, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
