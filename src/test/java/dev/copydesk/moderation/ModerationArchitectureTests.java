package dev.copydesk.moderation;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The comments and moderation modules keep the engine in their {@code process} package, comments
 * does not depend on moderation (it declares {@code ModerationGate} instead), and moderation reaches
 * comments only through its root-package API, never its repositories or entities.
 */
class ModerationArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.copydesk.comments", "dev.copydesk.moderation");

    @Test
    void onlyProcessPackagesImportTheEngine() {
        noClasses().that().resideOutsideOfPackage("..process..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .check(classes);
    }

    @Test
    void commentsDoNotDependOnModeration() {
        noClasses().that().resideInAPackage("dev.copydesk.comments..")
                .should().dependOnClassesThat().resideInAPackage("dev.copydesk.moderation..")
                .check(classes);
    }

    @Test
    void moderationUsesOnlyTheCommentsApi() {
        noClasses().that().resideInAPackage("dev.copydesk.moderation..")
                .should().dependOnClassesThat().resideInAPackage("dev.copydesk.comments.web..")
                .orShould().dependOnClassesThat(JavaClass.Predicates.simpleNameEndingWith("Repository")
                        .and(JavaClass.Predicates.resideInAPackage("dev.copydesk.comments..")))
                .check(classes);
    }

    @Test
    void controllersDoNotTouchRepositories() {
        noClasses().that().resideInAnyPackage("dev.copydesk.comments.web..", "dev.copydesk.moderation.web..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(classes);
    }
}
