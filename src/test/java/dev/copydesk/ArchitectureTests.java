package dev.copydesk;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules of docs/architecture.md that Spring Modulith does not check ({@link ModularityTests}
 * checks module boundaries, allowed dependencies and cycles): the engine stays in {@code process}
 * packages, and repositories stay behind their module's API.
 */
class ArchitectureTests {

    /**
     * The engine's packages, named once. A move to another engine (docs/adr) renames its packages:
     * change this constant, and {@link #processPackagesReallyUseTheEngine()} fails until it is right,
     * so the rule below can never quietly check nothing.
     */
    static final String ENGINE_PACKAGES = "org.camunda..";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.copydesk");
    }

    @Test
    void engineTypesAppearOnlyInProcessPackages() {
        noClasses().that().resideOutsideOfPackages("..process..")
                .should().dependOnClassesThat().resideInAPackage(ENGINE_PACKAGES)
                .because("the BPMN owns when and who; controllers and aggregates speak the newsroom's language")
                .check(classes);
    }

    @Test
    void onlyTheClockBeanSetsTheEnginesClock() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.copydesk.shared.process.EngineClock")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(
                                        org.camunda.bpm.engine.impl.util.ClockUtil.class))))
                .because("one Clock bean (EngineClock) drives the engine's clock; our code reads that bean")
                .check(classes);
        classes().that().haveFullyQualifiedName("dev.copydesk.shared.process.EngineClock")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.impl.util.ClockUtil")
                .because("if EngineClock no longer drives ClockUtil, the rule above checks nothing")
                .check(classes);
    }

    @Test
    void processPackagesReallyUseTheEngine() {
        classes().that().haveSimpleNameEndingWith("Delegate")
                .should().dependOnClassesThat().resideInAPackage(ENGINE_PACKAGES)
                .because("delegates implement the engine's interfaces; if none does, ENGINE_PACKAGES is stale")
                .check(classes);
    }

    @Test
    void controllersNeverTouchRepositories() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .because("controllers call their module's API, which owns the transaction and the checks")
                .check(classes);
    }

    @Test
    void modulesNeverUseEachOthersRepositories() {
        for (String module : new String[] {"accounts", "articles", "comments", "moderation", "notifications"}) {
            String root = "dev.copydesk." + module;
            noClasses().that().resideOutsideOfPackage(root + "..")
                    .should().dependOnClassesThat(JavaClass.Predicates.simpleNameEndingWith("Repository")
                            .and(JavaClass.Predicates.resideInAPackage(root + "..")))
                    .because("a module reaches another's data only through its API")
                    .check(classes);
        }
    }
}
