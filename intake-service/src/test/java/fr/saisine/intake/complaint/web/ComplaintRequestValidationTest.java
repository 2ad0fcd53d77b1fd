package fr.saisine.intake.complaint.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.saisine.events.Category;
import fr.saisine.events.ComplainantType;
import fr.saisine.events.Residence;
import fr.saisine.events.RespondentType;

class ComplaintRequestValidationTest {

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    static ComplaintRequest.PostalAddress address() {
        return new ComplaintRequest.PostalAddress("1 rue de la Paix", "75002", "Paris", "FR");
    }

    static ComplaintRequest request(ComplaintRequest.Complainant complainant) {
        return new ComplaintRequest(complainant,
                new ComplaintRequest.Respondent("Banque Exemple", RespondentType.COMPANY, "banque"),
                Category.ACCESS_RIGHT, "Pas de réponse à ma demande d'accès", "J'ai écrit deux fois.", null);
    }

    static ComplaintRequest.Complainant person(String email) {
        return new ComplaintRequest.Complainant(ComplainantType.PERSON, "Jeanne Dupont", email, List.of(), address(),
                Residence.METROPOLITAN_FRANCE);
    }

    static ComplaintRequest.Complainant organisation(String email, List<ComplaintRequest.Representative> reps) {
        return new ComplaintRequest.Complainant(ComplainantType.ORGANISATION, "Groupe d'élus", email, reps, address(),
                Residence.OVERSEAS);
    }

    private static Map<String, String> errors(ComplaintRequest request) {
        return validator.validate(request).stream().collect(Collectors.toMap(
                v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage, (a, b) -> a));
    }

    @Test
    void shouldAcceptAPersonWithAnEmail() {
        assertThat(errors(request(person("jeanne@example.org")))).isEmpty();
    }

    @Test
    void shouldRequireAnEmailFromAPerson() {
        assertThat(errors(request(person(null)))).containsOnlyKeys("complainant.email");
    }

    @Test
    void shouldAcceptAnOrganisationReachableOnlyThroughItsRepresentatives() {
        var reps = List.of(new ComplaintRequest.Representative("Alice Martin", "co-présidente", "alice@example.org"),
                new ComplaintRequest.Representative("Bruno Petit", "co-président", null));
        assertThat(errors(request(organisation(null, reps)))).isEmpty();
    }

    @Test
    void shouldRequireAtLeastOneRepresentativeOfAnOrganisation() {
        assertThat(errors(request(organisation("groupe@example.org", List.of()))))
                .containsOnlyKeys("complainant.representatives");
    }

    @Test
    void shouldRequireSomeEmailForAnOrganisation() {
        var reps = List.of(new ComplaintRequest.Representative("Alice Martin", null, null));
        assertThat(errors(request(organisation(null, reps)))).containsOnlyKeys("complainant.email");
    }

    @Test
    void shouldNameEveryInvalidNestedField() {
        var reps = List.of(new ComplaintRequest.Representative("", null, "not-an-email"));
        var complainant = new ComplaintRequest.Complainant(ComplainantType.ORGANISATION, "Groupe", "also bad", reps,
                new ComplaintRequest.PostalAddress("", "75002", "Paris", "France"), Residence.ABROAD);
        assertThat(errors(request(complainant))).containsOnlyKeys("complainant.email",
                "complainant.representatives[0].name", "complainant.representatives[0].email",
                "complainant.postalAddress.street", "complainant.postalAddress.country");
    }

    @Test
    void shouldRefuseAMissingSubjectFactsAndCategory() {
        var empty = new ComplaintRequest(person("a@example.org"),
                new ComplaintRequest.Respondent("X", RespondentType.COMPANY, null), null, " ", "", null);
        assertThat(errors(empty)).containsOnlyKeys("category", "subject", "facts");
    }
}
