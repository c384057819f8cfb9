package dev.copydesk.operations;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.copydesk.support.PostgresIntegrationTest;
import dev.copydesk.support.PostgresTestDatabase;
import dev.copydesk.support.TestProcesses;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine and our migrations on the real PostgreSQL server, in the shared PostgreSQL context. */
@PostgresIntegrationTest
class PostgresEngineIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    WorkflowGauges gauges;

    @Autowired
    MeterRegistry meters;

    @Test
    void contextRunsOnPostgresInADatabaseOfItsOwn() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(connection.getCatalog()).isNotEqualTo(PostgresTestDatabase.databaseName(PostgresTestDatabase.url()));
        }
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType())
                .isEqualTo("postgres");
    }

    @Test
    void flywayMigrationsAllSucceededOnPostgres() {
        List<Map<String, Object>> applied = jdbc.queryForList(
                "select version, success from flyway_schema_history where version is not null order by installed_rank");
        assertThat(applied).isNotEmpty();
        assertThat(applied).allSatisfy(row -> assertThat(row.get("success")).isEqualTo(true));
        assertThat(jdbc.queryForObject("select count(*) from account where username = 'admin'", Long.class))
                .isEqualTo(1L);
    }

    @Test
    void engineTablesExistInTheContextsDatabase() {
        Long tables = jdbc.queryForObject("select count(*) from information_schema.tables "
                + "where table_schema = current_schema() and table_name like 'act\\_%'", Long.class);
        assertThat(tables).isGreaterThan(40L);
    }

    @Test
    void deployedProcessRunsFromStartThroughUserTaskToHistory() {
        TestProcesses.deploy(repository, "pg-engine-probe",
                TestProcesses.userTask("pg-engine-probe", null, "EDITOR", "${dueAt}"));
        ProcessInstance instance = runtime.startProcessInstanceByKey("pg-engine-probe", "business-key-1",
                Map.of("dueAt", new java.util.Date(System.currentTimeMillis() - 60_000)));

        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_Probe");
        assertThat(tasks.createTaskQuery().taskCandidateGroup("EDITOR").processInstanceId(instance.getId()).count())
                .isEqualTo(1);

        gauges.refresh();
        assertThat(meters.get(WorkflowMetrics.TASKS_OPEN).tags("process", "pg-engine-probe", "task", "Task_Probe")
                .gauge().value()).isEqualTo(1.0);
        assertThat(meters.get(WorkflowMetrics.TASKS_OVERDUE).tags("process", "pg-engine-probe", "task", "Task_Probe")
                .gauge().value()).isEqualTo(1.0);

        tasks.complete(task.getId());

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished().count())
                .isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count())
                .isEqualTo(3);
        gauges.refresh();
        assertThat(meters.find(WorkflowMetrics.TASKS_OPEN).tags("process", "pg-engine-probe").gauge()).isNull();
    }
}
