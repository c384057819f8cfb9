package dev.copydesk.articles;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The articles module keeps the engine in its {@code process} package and its web layer thin. */
class ArticleArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.copydesk.articles");

    @Test
    void onlyTheProcessPackageImportsTheEngine() {
        noClasses().that().resideOutsideOfPackage("dev.copydesk.articles.process..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .check(classes);
    }

    @Test
    void controllersUseTheModuleApiNotTheRepositoryOrAggregate() {
        noClasses().that().resideInAPackage("dev.copydesk.articles.web..")
                .should().dependOnClassesThat().haveSimpleName("Articles")
                .orShould().dependOnClassesThat().haveSimpleName("Article")
                .check(classes);
    }
}
