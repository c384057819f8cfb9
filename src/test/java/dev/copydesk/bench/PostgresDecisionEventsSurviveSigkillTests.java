package dev.copydesk.bench;

import java.util.List;

import dev.copydesk.support.PostgresTest;
import dev.copydesk.support.PostgresTestDatabase;

/** {@link DecisionEventsSurviveSigkillTests} with the service on a fresh PostgreSQL database. */
@PostgresTest
class PostgresDecisionEventsSurviveSigkillTests extends DecisionEventsSurviveSigkillTests {

    private final String database = PostgresTestDatabase.newDatabaseUrl("crash");

    @Override
    List<String> databaseArgs() {
        return List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=" + PostgresTestDatabase.password());
    }
}
