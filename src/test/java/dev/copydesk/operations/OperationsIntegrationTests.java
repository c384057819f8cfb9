package dev.copydesk.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.copydesk.accounts.Role;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.TestProcesses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Health, metrics, OpenAPI and housekeeping settings, in the shared H2 context. */
@CopydeskIntegrationTest
class OperationsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    HealthEndpoint health;

    @Autowired
    WorkflowMetrics workflowMetrics;

    @Autowired
    WorkflowGauges gauges;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ProcessEngine engine;

    @Test
    void livenessAndReadinessAreUpForAnonymousCallers() throws Exception {
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void readinessIncludesTheDatabaseAndLivenessDoesNot() {
        HealthComponent readiness = health.healthForPath("readiness");
        assertThat(readiness).isInstanceOf(CompositeHealth.class);
        assertThat(((CompositeHealth) readiness).getComponents()).containsKeys("db", "readinessState");
        HealthComponent liveness = health.healthForPath("liveness");
        assertThat(((CompositeHealth) liveness).getComponents()).containsOnlyKeys("livenessState");
    }

    @Test
    void prometheusWhenAnonymousThenUnauthorized() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    }

    @Test
    void prometheusWhenNotAdminThenForbidden() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(staff.create(Role.EDITOR, Role.MODERATOR).login()))
                .andExpect(status().isForbidden());
    }

    @Test
    void workflowMetricsAreRecordedUnderTheDocumentedNamesAndLabels() {
        // The scrape itself (text format, labels) is checked on real nodes in TwoNodeClusterIntegrationTests:
        // Spring's test support switches the Prometheus endpoint off in @SpringBootTest contexts.
        workflowMetrics.screeningOutcome("PENDING", "FIRST_COMMENT");
        workflowMetrics.screeningOutcome("APPROVED", null);
        workflowMetrics.stepDuration("comment-moderation", "Task_ModerateComment", Duration.ofMinutes(3));
        assertThat(meters.get(WorkflowMetrics.SCREENING_OUTCOMES).tags("outcome", "PENDING", "reason", "FIRST_COMMENT")
                .counter().count()).isGreaterThanOrEqualTo(1.0);
        assertThat(meters.get(WorkflowMetrics.SCREENING_OUTCOMES).tags("outcome", "APPROVED", "reason", WorkflowMetrics.NO_REASON)
                .counter().count()).isGreaterThanOrEqualTo(1.0);
        assertThat(meters.get(WorkflowMetrics.STEP_DURATION).tags("process", "comment-moderation", "step", "Task_ModerateComment")
                .timer().count()).isGreaterThanOrEqualTo(1L);
    }

    @Test
    void openTaskGaugesCountOpenAndOverdueTasksPerProcessAndTask() {
        // No candidate group: the shared engine's editors and moderators must not see this task.
        RepositoryService repository = engine.getRepositoryService();
        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();
        TestProcesses.deploy(repository, "operations-gauge-probe",
                TestProcesses.userTask("operations-gauge-probe", "operations-probe", null, "${dueAt}"));
        Date past = new Date(System.currentTimeMillis() - 60_000);
        Date future = new Date(System.currentTimeMillis() + 3_600_000);
        runtime.startProcessInstanceByKey("operations-gauge-probe", Map.of("dueAt", past));
        runtime.startProcessInstanceByKey("operations-gauge-probe", Map.of("dueAt", future));

        gauges.refresh();
        assertThat(gauge(WorkflowMetrics.TASKS_OPEN)).isEqualTo(2.0);
        assertThat(gauge(WorkflowMetrics.TASKS_OVERDUE)).isEqualTo(1.0);

        tasks.createTaskQuery().processDefinitionKey("operations-gauge-probe").list()
                .forEach(task -> tasks.complete(task.getId()));
        gauges.refresh();
        assertThat(meters.find(WorkflowMetrics.TASKS_OPEN).tags("process", "operations-gauge-probe").gauge()).isNull();
    }

    @Test
    void openApiDocumentListsTheAccountEndpointsAndNothingOutsideTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.info.title").value("Copydesk API"))
                .andExpect(jsonPath("$.paths['/api/me'].get").exists())
                .andExpect(jsonPath("$.paths['/api/admin/accounts'].get").exists())
                .andExpect(jsonPath("$.paths['/api/admin/accounts'].post").exists())
                .andExpect(jsonPath("$.paths['/error']").doesNotExist())
                .andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"))
                .andExpect(jsonPath("$.components.schemas.DecisionRequest").doesNotExist())
                .andExpect(jsonPath("$.components.schemas.ArticleDecisionRequest.properties.publishAt").exists())
                .andExpect(jsonPath("$.components.schemas.ArticleDecisionRequest.properties.note").exists())
                .andExpect(jsonPath("$.components.schemas.CommentDecisionRequest.properties.reason").exists());
    }

    /** Writes the served document to target/openapi.json, where .ci/run lints it after `mvn -B test`. */
    @Test
    void openApiDocumentExportedForTheLint() throws Exception {
        byte[] document = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Path target = Path.of("target", "openapi.json");
        Files.createDirectories(target.getParent());
        Files.write(target, document);
        assertThat(Files.size(target)).isEqualTo(document.length).isGreaterThan(1000L);
        assertThat(new String(document, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("*/*");
        mvc.perform(get("/v3/api-docs")).andExpect(jsonPath("$.paths['/api/public/articles/{slug}'].get.security").isEmpty())
                .andExpect(jsonPath("$.paths['/api/public/unsubscribe'].post.security").isEmpty())
                .andExpect(jsonPath("$.paths['/api/admin/accounts'].post.security").doesNotExist())
                .andExpect(jsonPath("$.paths['/api/admin/accounts'].post.summary").value("Create a staff account"))
                .andExpect(jsonPath("$.paths['/api/admin/accounts'].post.responses['400'].content['application/problem+json'].schema['$ref']")
                        .value("#/components/schemas/Problem"))
                .andExpect(jsonPath("$.paths['/api/admin/accounts'].post.responses['403']").exists())
                .andExpect(jsonPath("$.paths['/api/admin/accounts'].post.responses['201'].content['application/json']").exists())
                .andExpect(jsonPath("$.paths['/api/admin/accounts'].post.responses['200']").doesNotExist())
                .andExpect(jsonPath("$.paths['/api/articles'].post.responses['201']").exists())
                .andExpect(jsonPath("$.paths['/api/public/articles/{slug}/comments'].post.responses['202']").exists())
                .andExpect(jsonPath("$.paths['/api/public/comments/{id}/flags'].post.responses['202']").exists())
                .andExpect(jsonPath("$.paths['/api/admin/webhooks/{id}'].delete.responses['204']").exists())
                .andExpect(jsonPath("$.paths['/api/admin/webhooks/{id}'].delete.responses['200']").doesNotExist())
                .andExpect(jsonPath("$.paths['/api/public/events'].get.responses['200'].content['text/event-stream']").exists())
                .andExpect(jsonPath("$.paths['/api/public/articles/{slug}'].get.responses['401']").doesNotExist())
                .andExpect(jsonPath("$.components.schemas.Problem.properties.errors.items.properties.field").exists())
                .andExpect(jsonPath("$.components.schemas.Problem.properties.requestId").exists());
    }

    @Test
    void swaggerUiIsServed() throws Exception {
        mvc.perform(get("/swagger-ui.html"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/swagger-ui/index.html")));
    }

    @Test
    void historyCleanupRunsInANightlyWindowWithRemovalTimeAtTheEnd() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.getHistoryTimeToLive()).isEqualTo("P180D");
        assertThat(configuration.getBatchOperationHistoryTimeToLive()).isEqualTo("P30D");
        assertThat(engine.getHistoryService().findHistoryCleanupJobs()).isNotEmpty();
    }

    @Test
    void requestIdIsEchoedAndInTheProblemDocument() throws Exception {
        mvc.perform(get("/api/me").header("X-Request-Id", "ops-trace-42"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("X-Request-Id", "ops-trace-42"))
                .andExpect(jsonPath("$.requestId").value("ops-trace-42"));
    }

    private double gauge(String name) {
        return meters.get(name).tags("process", "operations-gauge-probe", "task", "Task_Probe").gauge().value();
    }
}
