package dev.copydesk;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module layout of docs/architecture.md, checked on every build. */
class ArchitectureTests {

    private static final List<String> MODULES = List.of("accounts", "articles", "comments", "moderation",
            "notifications", "operations", "console", "demo");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.copydesk");
    }

    @Test
    void camundaTypesAppearOnlyInProcessPackages() {
        noClasses().that().resideOutsideOfPackages("..process..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("the BPMN owns when and who; controllers and aggregates speak the newsroom's language")
                .check(classes);
    }

    @Test
    void modulesUseEachOthersRootPackageOnly() {
        for (String module : MODULES) {
            String root = "dev.copydesk." + module;
            noClasses().that().resideOutsideOfPackage(root + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            root + ".web..", root + ".process..", root + ".internal..")
                    .allowEmptyShould(true)
                    .because("a module's root package is its API; the rest is its own business")
                    .check(classes);
        }
    }

    @Test
    void sharedDependsOnNoFeatureModule() {
        noClasses().that().resideInAPackage("dev.copydesk.shared..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        MODULES.stream().map(m -> "dev.copydesk." + m + "..").toArray(String[]::new))
                .check(classes);
    }
}
