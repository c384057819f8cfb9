package dev.copydesk;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of docs/architecture.md that Spring Modulith does not check ({@link ModularityTests}
 * checks module boundaries, allowed dependencies and cycles): the engine stays in {@code process}
 * packages (its types and its process instance ids), and repositories stay behind their module's API.
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

    /** A member named for the engine's process instances: {@code processInstanceId}, {@code processInstance}… */
    static final String PROCESS_INSTANCE_NAME = "(?i).*processInstance.*";

    static ArchRule noFieldOutsideProcessPackagesNamesAProcessInstance() {
        return noFields().that().areDeclaredInClassesThat().resideOutsideOfPackages("..process..")
                .should().haveNameMatching(PROCESS_INSTANCE_NAME)
                .because("a process finds its instance by business key (the aggregate's id); engine ids stay in process packages");
    }

    static ArchRule noMethodOutsideProcessPackagesNamesAProcessInstance() {
        return noMethods().that().areDeclaredInClassesThat().resideOutsideOfPackages("..process..")
                .should().haveNameMatching(PROCESS_INSTANCE_NAME)
                .because("a process finds its instance by business key (the aggregate's id); engine ids stay in process packages");
    }

    @Test
    void noRootPackageCarriesAProcessInstanceId() {
        noFieldOutsideProcessPackagesNamesAProcessInstance().check(classes);
        noMethodOutsideProcessPackagesNamesAProcessInstance().check(classes);
    }

    /** The rule above is not vacuous: it fails on a root-package record that carries one, as CommentSummary once did. */
    @Test
    void processInstanceRuleFailsOnARecordThatCarriesOne() {
        JavaClasses carrier = new ClassFileImporter().importClasses(SummaryWithEngineId.class);
        assertThat(noFieldOutsideProcessPackagesNamesAProcessInstance().evaluate(carrier).hasViolation()).isTrue();
        assertThat(noMethodOutsideProcessPackagesNamesAProcessInstance().evaluate(carrier).hasViolation()).isTrue();
        JavaClasses clean = new ClassFileImporter().importClasses(SummaryWithoutEngineId.class);
        assertThat(noFieldOutsideProcessPackagesNamesAProcessInstance().evaluate(clean).hasViolation()).isFalse();
        assertThat(noMethodOutsideProcessPackagesNamesAProcessInstance().evaluate(clean).hasViolation()).isFalse();
    }

    /** What {@code CommentDesk.CommentSummary} looked like before #16. */
    record SummaryWithEngineId(String commentId, String processInstanceId) {
    }

    record SummaryWithoutEngineId(String commentId, String section) {
    }
}
