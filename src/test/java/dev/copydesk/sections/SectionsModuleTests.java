package dev.copydesk.sections;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import dev.copydesk.shared.ConflictException;
import dev.copydesk.shared.InvalidRequestException;
import dev.copydesk.support.UniqueInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sections module on its own (Spring Modulith's module test): only its beans and those of the
 * one module it may use are started ({@code shared}, named explicitly: the module's code reaches
 * shared's Clock bean only through {@code java.time.Clock}, which Modulith does not count as a
 * dependency), on a database of its own, so a dependency on another module's beans fails here. Through its API, as the
 * other modules see it: what a change publishes and what it refuses.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "shared")
@ActiveProfiles("test")
@ContextConfiguration(initializers = UniqueInstance.class)
class SectionsModuleTests {

    @Autowired Sections sections;

    private static String fresh() {
        return "desk-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void creatingASectionPublishesSectionChangedAndListsIt(Scenario scenario) {
        String slug = fresh();

        scenario.stimulate(() -> sections.create(slug, "  Culture desk "))
                .andWaitForEventOfType(Sections.SectionChanged.class)
                .matching(changed -> changed.slug().equals(slug))
                .toArriveAndVerify(changed -> assertThat(sections.all())
                        .anySatisfy(s -> {
                            assertThat(s.slug()).isEqualTo(slug);
                            assertThat(s.name()).isEqualTo("Culture desk");
                        }));
        assertThat(sections.active()).extracting(SectionView::slug).contains(slug);
    }

    @Test
    void aRenameWithAStaleVersionIsRefusedAndChangesNothing() {
        String slug = fresh();
        SectionView created = sections.create(slug, "Sport");
        sections.change(slug, "Sports", null, created.version());

        assertThatThrownBy(() -> sections.change(slug, "Games", null, created.version()))
                .isInstanceOf(ConflictException.class);
        assertThat(sections.all()).filteredOn(s -> s.slug().equals(slug)).singleElement()
                .extracting(SectionView::name).isEqualTo("Sports");
    }

    @Test
    void anArchivedSectionTakesNoNewArticlesAndTheDefaultOneCannotBeArchived() {
        String slug = fresh();
        SectionView created = sections.create(slug, "Weather");
        sections.change(slug, null, true, created.version());

        assertThatThrownBy(() -> sections.requireActive("section", slug)).isInstanceOf(InvalidRequestException.class);
        assertThat(sections.active()).extracting(SectionView::slug).doesNotContain(slug);
        SectionView news = sections.all().stream().filter(s -> s.slug().equals(Sections.DEFAULT_SECTION)).findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> sections.change(Sections.DEFAULT_SECTION, null, true, news.version()))
                .isInstanceOf(ConflictException.class);
    }
}
