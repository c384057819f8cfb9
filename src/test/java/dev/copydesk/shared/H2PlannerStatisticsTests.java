package dev.copydesk.shared;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.api.ErrorCode;
import org.h2.command.CommandContainer;
import org.h2.command.Prepared;
import org.h2.jdbc.JdbcPreparedStatement;
import org.h2.util.HasSQL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A statement planned on an empty table, as on a new database, and prepared again on the same
 * connection after the table has grown: the table has the shape of the engine's {@code ACT_RU_VARIABLE}
 * (an index on the task, one on the execution, and variables that belong to no task). H2 offers no
 * public view of the plan a cached statement runs with, so {@link #planOfLastRun} reads it from the
 * statement.
 */
class H2PlannerStatisticsTests {

    private static final String QUERY = "select id from variable where execution_id = ? and task_id is null";

    private DriverManagerDataSource dataSource;
    private Connection keeper;

    @BeforeEach
    void emptyTable() throws SQLException {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:plans-" + UUID.randomUUID() + ";QUERY_CACHE_SIZE=256", "sa", "");
        keeper = dataSource.getConnection(); // holds the in-memory database open, and the cached plan
        try (Statement s = keeper.createStatement()) {
            s.execute("create table variable (id bigint primary key, name varchar(64), execution_id varchar(64), task_id varchar(64))");
            s.execute("create index variable_task on variable (task_id)");
            s.execute("create index variable_execution on variable (execution_id)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        keeper.close();
    }

    @Test
    void whenATableHasGrownThenAStatementPlannedOnItEmptyIsPlannedAgainWithTheRightIndex() throws Exception {
        assertThat(planOfLastRun("execution-7")).contains("VARIABLE_TASK: TASK_ID IS NULL"); // planned on the empty table
        addVariables(20_000, 5);
        assertThat(planOfLastRun("execution-7")).as("kept, though it now reads all 20,000 variables")
                .contains("VARIABLE_TASK: TASK_ID IS NULL");
        H2PlannerStatistics statistics = new H2PlannerStatistics(dataSource);

        assertThat(statistics.refreshIfGrown()).containsExactly("PUBLIC.VARIABLE");

        assertThat(planOfLastRun("execution-7")).as("planned again: the execution's five, through its index")
                .contains("VARIABLE_EXECUTION: EXECUTION_ID = ?1");
    }

    @Test
    void whenNoTableHasDoubledSinceTheLastTimeThenNothingIsDone() throws SQLException {
        addVariables(1_000, 5);
        H2PlannerStatistics statistics = new H2PlannerStatistics(dataSource);
        assertThat(statistics.refreshIfGrown()).containsExactly("PUBLIC.VARIABLE");
        addVariables(900, 5);

        assertThat(statistics.refreshIfGrown()).isEmpty();
        addVariables(200, 5);
        assertThat(statistics.refreshIfGrown()).containsExactly("PUBLIC.VARIABLE");
    }

    @Test
    void whenATableIsPrunedAndRefilledBelowTwiceItsLargestSizeThenNothingIsDone() throws SQLException {
        addVariables(2_000, 5);
        H2PlannerStatistics statistics = new H2PlannerStatistics(dataSource);
        assertThat(statistics.refreshIfGrown()).containsExactly("PUBLIC.VARIABLE");
        try (Statement s = keeper.createStatement()) {
            s.execute("delete from variable where id < 1500");
        }
        assertThat(statistics.refreshIfGrown()).isEmpty();
        addVariables(3_400, 5); // 3,900 rows: more than twice the 500 left, less than twice the 2,000 seen

        assertThat(statistics.refreshIfGrown()).isEmpty();
    }

    @Test
    void whenATableIsSmallThenItIsNotAnalyzed() throws SQLException {
        addVariables((int) H2PlannerStatistics.SMALL - 1, 5);

        assertThat(new H2PlannerStatistics(dataSource).refreshIfGrown()).isEmpty();
    }

    @Test
    void whenTheUserMayNotAnalyzeThenTheCheckSaysSoOnceAndStops() throws SQLException {
        addVariables(1_000, 5);
        try (Statement s = keeper.createStatement()) {
            s.execute("create user reader password 'reader-password'");
            s.execute("grant select on variable to reader");
        }
        AtomicInteger borrowed = new AtomicInteger();
        DataSource asReader = new DelegatingDataSource(new DriverManagerDataSource(dataSource.getUrl(), "reader", "reader-password")) {
            @Override
            public Connection getConnection() throws SQLException {
                borrowed.incrementAndGet();
                return super.getConnection();
            }
        };
        H2PlannerStatistics statistics = new H2PlannerStatistics(asReader);
        assertThatThrownBy(statistics::refreshIfGrown).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.ADMIN_RIGHTS_REQUIRED));

        statistics.refreshWhenTablesHaveGrown();
        statistics.refreshWhenTablesHaveGrown();

        assertThat(borrowed).as("one refused refresh, one scheduled check that found out, then none").hasValue(2);
    }

    /** Prepares the query on the kept connection (H2 hands out its cached one), runs it, and returns the plan it ran with. */
    private String planOfLastRun(String executionId) throws Exception {
        try (PreparedStatement query = keeper.prepareStatement(QUERY)) {
            query.setString(1, executionId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    // read them all
                }
            }
            Field command = JdbcPreparedStatement.class.getDeclaredField("command");
            command.setAccessible(true);
            Field prepared = CommandContainer.class.getDeclaredField("prepared");
            prepared.setAccessible(true);
            return ((Prepared) prepared.get(command.get(query.unwrap(JdbcPreparedStatement.class)))).getPlanSQL(HasSQL.ADD_PLAN_INFORMATION);
        }
    }

    private int next;

    private void addVariables(int count, int perExecution) throws SQLException {
        try (PreparedStatement insert = keeper.prepareStatement("insert into variable values (?, ?, ?, null)")) {
            for (int i = 0; i < count; i++, next++) {
                insert.setLong(1, next);
                insert.setString(2, "name-" + (next % perExecution));
                insert.setString(3, "execution-" + (next / perExecution));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
