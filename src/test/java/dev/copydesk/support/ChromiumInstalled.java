package dev.copydesk.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs before the Spring context starts: skips the class when Debian's chromium and chromedriver
 * are missing on a developer's machine, and fails it under {@code CI=true}, where they must be
 * there ({@code .ci/install-browser.sh}).
 */
public class ChromiumInstalled implements BeforeAllCallback {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Override
    public void beforeAll(ExtensionContext context) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: run .ci/install-browser.sh (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "Browser tests need Debian's chromium and chromium-driver: "
                + "apt-get install -y chromium chromium-driver (or run .ci/install-browser.sh)");
    }
}
