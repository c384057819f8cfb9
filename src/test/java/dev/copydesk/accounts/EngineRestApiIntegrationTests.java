package dev.copydesk.accounts;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.copydesk.support.CopydeskServerTest;
import dev.copydesk.support.HttpCalls;
import dev.copydesk.support.StaffFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine REST API as an operator who turned it on gets it ({@code copydesk.engine-rest.enabled}):
 * ADMIN only, through the same password check and login throttle as the rest of the API; and even an
 * ADMIN's deployment cannot reach the application's beans or run a script.
 */
@CopydeskServerTest
// The REST API's default paths serve the engine named "default", as in production (tests elsewhere
// give each engine a unique name; this context is the only "default" one while it runs).
@TestPropertySource(properties = {"copydesk.engine-rest.enabled=true", "camunda.bpm.process-engine-name=default"})
class EngineRestApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixtures staff;

    @Autowired
    RepositoryService repository;

    private final List<String> keys = new ArrayList<>();

    @AfterEach
    void removeDeployments() {
        for (String key : keys) {
            repository.createDeploymentQuery().deploymentName(key).list()
                    .forEach(d -> repository.deleteDeployment(d.getId(), true));
        }
    }

    @Test
    void onlyAnAdminGetsThroughWhenTheApiIsOn() {
        assertThat(send("GET", "/engine-rest/user", null, null).statusCode()).isEqualTo(401);
        for (Role role : new Role[] {Role.WRITER, Role.EDITOR, Role.MODERATOR}) {
            String login = basic(staff.create(role).member().username(), StaffFixtures.PASSWORD);
            assertThat(send("GET", "/engine-rest/user", login, null).statusCode()).as(role.name()).isEqualTo(403);
            assertThat(send("POST", "/engine-rest/identity/verify", login, json("{\"username\":\"admin\",\"password\":\"x\"}"))
                    .statusCode()).as(role.name()).isEqualTo(403);
        }
        assertThat(send("POST", "/engine-rest/identity/verify", null, json("{\"username\":\"admin\",\"password\":\"x\"}"))
                .statusCode()).isEqualTo(401);

        HttpResponse<String> users = send("GET", "/engine-rest/user", admin(), null);
        assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
        assertThat(users.body()).contains("\"id\":\"admin\"");
    }

    @Test
    void guessingAPasswordThroughTheEngineApiIsThrottledLikeAnyLogin() {
        String username = staff.create(Role.ADMIN).member().username();
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; attempt < 8; attempt++) {
            statuses.add(send("GET", "/engine-rest/user", basic(username, "wrong-" + attempt), null).statusCode());
        }
        assertThat(statuses).startsWith(401).contains(429).doesNotContain(200);
    }

    @Test
    void anAdminsDeploymentCannotReachTheDatabaseThroughAnExpression() {
        String key = "rest-jdbc-" + UUID.randomUUID().toString().substring(0, 8);
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                .serviceTask("Task_Leak").camundaExpression("${jdbcTemplate.queryForList('select email from account')}")
                .camundaResultVariable("leak").userTask("Task_Wait").endEvent().done();
        assertThat(deploy(key, model).statusCode()).isEqualTo(200);

        HttpResponse<String> started = send("POST", "/engine-rest/process-definition/key/" + key + "/start", admin(), json("{}"));

        assertThat(started.statusCode()).isBetween(400, 599);
        assertThat(started.body()).doesNotContain("@example.org").doesNotContain("admin@localhost");
    }

    @Test
    void anAdminsDeploymentWithAScriptTaskIsRefused() {
        String key = "rest-script-" + UUID.randomUUID().toString().substring(0, 8);
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                .scriptTask("Task_Script").scriptFormat("javascript").scriptText("java.lang.System.exit(1)")
                .endEvent().done();

        assertThat(deploy(key, model).statusCode()).isEqualTo(400);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }

    private HttpResponse<String> deploy(String key, BpmnModelInstance model) {
        keys.add(key);
        String boundary = "copydesk-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + key
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + key
                + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n" + Bpmn.convertToString(model)
                + "\r\n--" + boundary + "--\r\n";
        return send("POST", "/engine-rest/deployment/create", admin(),
                new Body("multipart/form-data; boundary=" + boundary, body));
    }

    private record Body(String contentType, String text) {
    }

    private static Body json(String text) {
        return new Body("application/json", text);
    }

    private HttpResponse<String> send(String method, String path, String authorization, Body body) {
        return HttpCalls.send(method, "http://127.0.0.1:" + port + path, authorization,
                body == null ? null : body.contentType(), body == null ? null : body.text());
    }

    private static String admin() {
        return basic("admin", StaffFixtures.ADMIN_PASSWORD);
    }

    private static String basic(String username, String password) {
        return HttpCalls.basic(username, password);
    }
}
