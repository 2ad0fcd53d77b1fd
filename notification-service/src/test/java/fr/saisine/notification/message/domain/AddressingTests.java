package fr.saisine.notification.message.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.saisine.notification.correspondent.Correspondent.Addressee;

class AddressingTests {

    static String line(List<Addressee> addressees, String organisation) {
        return Addressing.attentionLine(addressees, organisation, "et", "À l'attention de {names}",
                "À l'attention d'{names}");
    }

    @Test
    void shouldNameRepresentativesWhoShareARoleTogetherInTheMasculinePlural() {
        assertThat(line(List.of(new Addressee("Alice Martin", "co-présidente"), new Addressee("Bruno Petit", "co-président")),
                "Groupe des élus écologistes"))
                .isEqualTo("À l'attention d'Alice Martin et Bruno Petit, co-présidents, Groupe des élus écologistes");
        assertThat(line(List.of(new Addressee("Claire Roy", "présidente"), new Addressee("Inès Roy", "présidente")), "Asso"))
                .isEqualTo("À l'attention de Claire Roy et Inès Roy, présidentes, Asso");
    }

    @Test
    void shouldGiveEachRoleWhenTheyDiffer() {
        assertThat(line(List.of(new Addressee("Claire Roy", "présidente"), new Addressee("Bruno Petit", "trésorier")),
                "Asso")).isEqualTo("À l'attention de Claire Roy, présidente, et Bruno Petit, trésorier, Asso");
    }

    @Test
    void shouldNameAPersonAlone() {
        assertThat(line(List.of(new Addressee("Jeanne Dupont", null)), null)).isEqualTo("À l'attention de Jeanne Dupont");
        assertThat(line(List.of(new Addressee("Élodie Blanc", null)), null)).isEqualTo("À l'attention d'Élodie Blanc");
    }
}
