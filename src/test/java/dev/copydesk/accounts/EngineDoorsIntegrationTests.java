package dev.copydesk.accounts;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CamundaWebapps;
import dev.copydesk.support.ConsoleSession;
import dev.copydesk.support.CopydeskServerTest;
import dev.copydesk.support.HttpCalls;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflow engine's own doors, tried over a real port as the first wave's attacker did: the engine
 * REST API is off (nobody, not even an ADMIN, completes a review task, executes the embargo's timer job,
 * deploys a process or asks the identity service to verify a password through it), the Camunda web
 * apps and their API are for ADMINs only whichever way one logs in, and no unsafe request from another
 * site gets through, however it authenticated.
 */
@CopydeskServerTest
class EngineDoorsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixtures staff;

    @Autowired
    ArticleFixtures articles;

    @Autowired
    ProcessEngine engine;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    RepositoryService repository;

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The web apps' delegates are JVM-wide statics that closing another test context clears ({@link CamundaWebapps}). */
    @BeforeEach
    void webAppsServeThisContext() {
        CamundaWebapps.restoreRuntimeDelegates();
    }

    @Test
    void theEngineRestApiDoesNothingForAnyCallerWhenItIsOff() {
        Staff writer = staff.create(Role.WRITER);
        ArticleDetails article = articles.inReview(writer, "Embargoed: the finale's last scene");
        Task review = tasks.createTaskQuery().processInstanceBusinessKey(article.id()).singleResult();
        Job slaTimer = management.createJobQuery().processInstanceId(review.getProcessInstanceId()).singleResult();
        long deploymentsBefore = repository.createDeploymentQuery().count();

        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("writer", basic(writer.member().username(), StaffFixtures.PASSWORD));
        for (Role role : new Role[] {Role.EDITOR, Role.MODERATOR}) {
            callers.put(role.name(), basic(staff.create(role).member().username(), StaffFixtures.PASSWORD));
        }
        callers.put("admin", basic("admin", StaffFixtures.ADMIN_PASSWORD));
        for (Map.Entry<String, String> caller : callers.entrySet()) {
            String who = caller.getKey();
            int refused = who.equals("anonymous") ? 401 : who.equals("admin") ? 404 : 403;
            assertThat(call("GET", "/engine-rest/user", caller.getValue(), null).statusCode()).as(who).isEqualTo(refused);
            assertThat(call("POST", "/engine-rest/identity/verify", caller.getValue(),
                    "{\"username\":\"admin\",\"password\":\"guess\"}").statusCode()).as(who).isEqualTo(refused);
            assertThat(call("POST", "/engine-rest/task/" + review.getId() + "/complete", caller.getValue(),
                    "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}").statusCode()).as(who).isEqualTo(refused);
            assertThat(call("POST", "/engine-rest/job/" + slaTimer.getId() + "/execute", caller.getValue(), "{}")
                    .statusCode()).as(who).isEqualTo(refused);
            assertThat(call("POST", "/engine-rest/deployment/create", caller.getValue(), "{}").statusCode())
                    .as(who).isEqualTo(refused);
        }

        assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).as("the review task is still open").isOne();
        assertThat(management.createJobQuery().jobId(slaTimer.getId()).count()).as("the timer did not run").isOne();
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    }

    @Test
    void theWebAppsAndTheirApiAreForAdminsOnlyByBasicOrBySession() {
        String users = "/camunda/api/engine/engine/" + engine.getName() + "/user";
        String cockpit = "/camunda/app/cockpit/" + engine.getName() + "/";
        for (Role role : new Role[] {Role.WRITER, Role.EDITOR, Role.MODERATOR}) {
            Staff member = staff.create(role);
            String login = basic(member.member().username(), StaffFixtures.PASSWORD);
            assertThat(call("GET", users, login, null).statusCode()).as(role.name()).isEqualTo(403);
            assertThat(call("GET", cockpit, login, null).statusCode()).as(role.name()).isEqualTo(403);
            ConsoleSession session = ConsoleSession.login(base(), member.member().username(), StaffFixtures.PASSWORD);
            assertThat(session.get(users).statusCode()).as(role.name() + " by session").isEqualTo(403);
        }
        assertThat(call("GET", users, null, null).statusCode()).isEqualTo(401);

        HttpResponse<String> asAdmin = call("GET", users, basic("admin", StaffFixtures.ADMIN_PASSWORD), null);
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(asAdmin.body()).contains("\"id\":\"admin\"");
        String admin = basic("admin", StaffFixtures.ADMIN_PASSWORD);
        String deploy = "/camunda/api/engine/engine/" + engine.getName() + "/deployment/create";
        HttpResponse<String> deployed = call("POST", deploy, admin, "{}");
        assertThat(deployed.statusCode()).as("nobody deploys through the web apps' API, not even an ADMIN").isEqualTo(403);
        assertThat(deployed.body()).as("refused by Copydesk's rule, not only the web apps' CSRF check")
                .contains("Your role does not allow this");
        String count = "/camunda/api/engine/engine/" + engine.getName() + "/process-instance/count";
        HttpResponse<String> crossSite = call("POST", count, admin, "{}", "Origin", "https://evil.example");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.body()).as("the cross-site guard stands in front of the web apps too")
                .contains("Cross-site requests may not change anything here");
        assertThat(call("POST", count, admin, "{}").body()).doesNotContain("Cross-site");
        Staff chief = staff.create(Role.ADMIN);
        ConsoleSession adminSession = ConsoleSession.login(base(), chief.member().username(), StaffFixtures.PASSWORD);
        assertThat(adminSession.get(users).statusCode()).as("an ADMIN's console session").isEqualTo(200);
    }

    @Test
    void anUnsafeRequestFromAnotherSiteIsRefusedEvenWithValidCredentials() {
        Staff writer = staff.create(Role.WRITER);
        String login = basic(writer.member().username(), StaffFixtures.PASSWORD);
        ArticleDetails draft = articles.draft(writer, "Cross-site submit");
        String submit = "/api/articles/" + draft.id() + "/submit";

        assertThat(call("POST", submit, login, null, "Origin", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(call("POST", submit, login, null, "Origin", "null").statusCode()).isEqualTo(403);
        assertThat(call("POST", submit, login, null, "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/articles/" + draft.id(), login, null).body()).contains("\"status\":\"DRAFT\"");
        assertThat(call("GET", "/api/articles/" + draft.id(), login, null, "Origin", "https://evil.example")
                .statusCode()).as("reading is not refused").isEqualTo(200);

        HttpResponse<String> sameSite = call("POST", submit, login, null, "Origin", base(), "Sec-Fetch-Site", "same-origin");
        assertThat(sameSite.statusCode()).isEqualTo(200);
        assertThat(sameSite.body()).contains("\"status\":\"IN_REVIEW\"");
    }

    private HttpResponse<String> call(String method, String path, String authorization, String json, String... headers) {
        return HttpCalls.send(method, base() + path, authorization, "application/json", json, headers);
    }

    private static String basic(String username, String password) {
        return HttpCalls.basic(username, password);
    }
}
