package fr.saisine.intake.complaint.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import fr.saisine.events.Category;
import fr.saisine.events.ComplainantType;
import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.Language;
import fr.saisine.events.Residence;
import fr.saisine.events.RespondentType;
import fr.saisine.intake.complaint.domain.NewComplaint;

/**
 * The body of {@code POST /api/v1/complaints}, and what the public form is turned into: one
 * set of rules for both. Field names are a public contract: add, never rename.
 */
public record ComplaintRequest(
        @NotNull(message = "indiquez qui dépose la plainte") @Valid Complainant complainant,
        @NotNull(message = "indiquez l'organisme mis en cause") @Valid Respondent respondent,
        @NotNull(message = "choisissez le motif de la plainte") Category category,
        @NotBlank(message = "donnez un objet à la plainte")
        @Size(max = 200, message = "l'objet tient en {max} caractères au plus") String subject,
        @NotBlank(message = "décrivez les faits")
        @Size(max = 20000, message = "les faits tiennent en {max} caractères au plus") String facts,
        Language language) {

    // named, as each part below: ComplaintSubmitted's records of the same names (in the data subject's part)
    // would otherwise take their place in the description, without the rules
    @ReachableComplainant
    @Schema(name = "ComplaintRequestComplainant")
    public record Complainant(
            @NotNull(message = "indiquez s'il s'agit d'une personne ou d'un organisme") ComplainantType type,
            @NotBlank(message = "indiquez le nom")
            @Size(max = 200, message = "le nom tient en {max} caractères au plus") String name,
            @Email(message = "cette adresse électronique n'est pas valide")
            @Size(max = 254, message = "une adresse électronique tient en {max} caractères au plus") String email,
            @Size(max = 10, message = "{max} représentants au plus") List<@Valid Representative> representatives,
            @NotNull(message = "indiquez l'adresse postale") @Valid PostalAddress postalAddress,
            @NotNull(message = "indiquez le lieu de résidence") Residence residence) {
    }

    @Schema(name = "ComplaintRequestRepresentative")
    public record Representative(
            @NotBlank(message = "indiquez le nom du représentant")
            @Size(max = 200, message = "le nom tient en {max} caractères au plus") String name,
            @Size(max = 100, message = "la qualité tient en {max} caractères au plus") String role,
            @Email(message = "cette adresse électronique n'est pas valide")
            @Size(max = 254, message = "une adresse électronique tient en {max} caractères au plus") String email) {
    }

    @Schema(name = "ComplaintRequestPostalAddress")
    public record PostalAddress(
            @NotBlank(message = "indiquez la rue") @Size(max = 300, message = "{max} caractères au plus") String street,
            @NotBlank(message = "indiquez le code postal")
            @Size(max = 20, message = "{max} caractères au plus") String postalCode,
            @NotBlank(message = "indiquez la commune") @Size(max = 200, message = "{max} caractères au plus") String city,
            @NotBlank(message = "indiquez le pays")
            @Pattern(regexp = "[A-Z]{2}", message = "le pays s'écrit en deux lettres majuscules (FR, BE, ...)")
            String country) {
    }

    @Schema(name = "ComplaintRequestRespondent")
    public record Respondent(
            @NotBlank(message = "indiquez le nom de l'organisme")
            @Size(max = 200, message = "le nom tient en {max} caractères au plus") String name,
            @NotNull(message = "indiquez le type d'organisme") RespondentType type,
            @Size(max = 200, message = "l'activité tient en {max} caractères au plus") String activity) {
    }

    NewComplaint toNewComplaint() {
        var address = complainant.postalAddress();
        var who = new ComplaintSubmitted.Complainant(complainant.type(), complainant.name().strip(),
                blankToNull(complainant.email()),
                complainant.representatives() == null ? List.of() : complainant.representatives().stream()
                        .map(r -> new ComplaintSubmitted.Representative(r.name().strip(), blankToNull(r.role()),
                                blankToNull(r.email())))
                        .toList(),
                new ComplaintSubmitted.PostalAddress(address.street().strip(), address.postalCode().strip(),
                        address.city().strip(), address.country()),
                complainant.residence());
        var against = new ComplaintSubmitted.Respondent(respondent.name().strip(), respondent.type(),
                blankToNull(respondent.activity()));
        return new NewComplaint(who, against, category, subject.strip(), facts.strip(), language);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
