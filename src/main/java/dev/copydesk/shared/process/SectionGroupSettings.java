package dev.copydesk.shared.process;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code copydesk.section-groups.*}: whether each node gives open review and moderation tasks their
 * section's candidate group at start-up ({@link SectionGroupRepair}), and how many tasks one
 * transaction handles.
 */
@ConfigurationProperties("copydesk.section-groups")
public record SectionGroupSettings(@DefaultValue("true") boolean repairAtStartup, @DefaultValue("200") int batchSize) {

    public SectionGroupSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("copydesk.section-groups.batch-size must be at least 1");
        }
    }
}
