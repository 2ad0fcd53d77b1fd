package fr.saisine.notification;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import fr.saisine.testsupport.TopicBindings;

class TopicBindingsTest {

    @Test
    void shouldBindOnlyTheTopicsNamedInTheContracts() throws Exception {
        TopicBindings.assertNamedByTopics(Path.of("src/main/resources/application.yml"));
    }
}
