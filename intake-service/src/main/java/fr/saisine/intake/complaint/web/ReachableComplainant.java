package fr.saisine.intake.complaint.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Every complainant can be written to: a person gives an email; an organisation names at least
 * one representative, and an email for itself or for one of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ReachableComplainantValidator.class)
public @interface ReachableComplainant {

    String message() default "le plaignant doit pouvoir être joint";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
