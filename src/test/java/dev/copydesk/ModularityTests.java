package dev.copydesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module map of docs/architecture.md, verified by Spring Modulith: each module's
 * {@code package-info.java} names the modules it may depend on (so the documented direction holds),
 * only a module's root package and its named interfaces may be used from outside, and there are no
 * cycles. The module diagrams in {@code docs/modules/} are written from the same model.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(CopydeskApplication.class);
    private static final Path COMMITTED = Path.of("docs", "modules");
    /** {@code mvn test -Dtest=ModularityTests -Dcopydesk.docs.refresh=true} rewrites docs/modules. */
    private static final boolean REFRESH = Boolean.getBoolean("copydesk.docs.refresh");

    @Test
    void modulesDependOnlyOnTheModulesTheyNameAndOnlyOnTheirApi() {
        MODULES.verify();
    }

    @Test
    void theModuleDiagramsInDocsAreTheOnesTheCodeDraws() throws IOException {
        Path written = REFRESH ? COMMITTED : Path.of("target", "modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(written.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        List<String> stale = new ArrayList<>();
        for (Path file : files(written)) {
            Path committed = COMMITTED.resolve(written.relativize(file));
            if (!Files.exists(committed) || !lines(committed).equals(lines(file))) {
                stale.add(committed.toString());
            }
        }
        assertThat(stale)
                .as("module diagrams out of date; refresh with mvn test -Dtest=ModularityTests -Dcopydesk.docs.refresh=true")
                .isEmpty();
        assertThat(files(COMMITTED)).as("a diagram in docs/modules for a module that no longer exists")
                .hasSameSizeAs(files(written));
    }

    /** The writer emits relations in no fixed order, so a diagram is compared as a sorted list of lines. */
    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().sorted().toList();
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
