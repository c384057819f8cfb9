package dev.copydesk.operations;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code drift} in {@code /actuator/health}: the last drift check as details. Always UP and not in
 * the readiness group: drift needs a repair by an operator, taking the node out of rotation would
 * not help.
 */
@Component("drift")
class DriftHealthIndicator implements HealthIndicator {

    private final DriftCheck check;

    DriftHealthIndicator(DriftCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        DriftCheck.DriftReport report = check.last();
        if (report == null) {
            return Health.up().withDetail("checkedAt", "not yet").build();
        }
        return Health.up().withDetail("checkedAt", report.checkedAt().toString())
                .withDetail("total", report.total()).withDetail("kinds", report.kinds()).build();
    }
}
