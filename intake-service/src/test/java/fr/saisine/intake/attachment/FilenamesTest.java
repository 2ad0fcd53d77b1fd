package fr.saisine.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import fr.saisine.intake.attachment.domain.Filenames;

class FilenamesTest {

    @Test
    void shouldDropDirectoriesAndCharactersThatMisleadOrBreakThings() {
        assertThat(Filenames.sanitise("C:\\Users\\jeanne\\relevé.pdf")).isEqualTo("relevé.pdf");
        assertThat(Filenames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Filenames.sanitise("facture\u202Efdp.exe")).isEqualTo("facturefdp.exe");
        assertThat(Filenames.sanitise("a\"b<c>;d\r\n.txt")).isEqualTo("a_b_c__d.txt");
        assertThat(Filenames.sanitise(".htaccess")).isEqualTo("htaccess");
    }

    @Test
    void shouldNameAFileThatHasNoUsableName() {
        assertThat(Filenames.sanitise(null)).isEqualTo("piece-jointe");
        assertThat(Filenames.sanitise(" ../ ")).isEqualTo("piece-jointe");
    }

    @Test
    void shouldShortenALongNameAndKeepItsExtension() {
        String name = Filenames.sanitise("x".repeat(300) + ".pdf");
        assertThat(name).hasSize(120).endsWith(".pdf");
    }
}
