package fr.saisine.triage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "fr.saisine.triage", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainKnowsNoAdapter = noClasses().that().resideInAnyPackage("..domain..", "..routing..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..persistence..", "..messaging..");

    @ArchTest
    static final ArchRule routingIsPureLogic = noClasses().that().resideInAPackage("..routing..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data..", "org.springframework.kafka..");
}
