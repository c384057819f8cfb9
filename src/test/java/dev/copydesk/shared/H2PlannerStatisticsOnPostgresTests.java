package dev.copydesk.shared;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.copydesk.support.PostgresTest;
import dev.copydesk.support.PostgresTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest
class H2PlannerStatisticsOnPostgresTests {

    @Test
    void whenTheDatabaseIsPostgresThenNothingIsDone() throws SQLException {
        DriverManagerDataSource postgres = new DriverManagerDataSource(PostgresTestDatabase.url(),
                PostgresTestDatabase.user(), PostgresTestDatabase.password());

        assertThat(new H2PlannerStatistics(postgres).refreshIfGrown()).isEmpty();
    }
}
