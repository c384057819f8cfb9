package dev.copydesk.shared.process;

import java.util.ArrayList;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.copydesk.support.CopydeskIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine as shipped refuses what an attacker who got a BPMN deployed, or a query through, would
 * use: expressions see only the beans meant for processes (never {@code jdbcTemplate}), script tasks
 * are refused at deployment, task queries take no expressions, and variables are never Java-serialized.
 */
@CopydeskIntegrationTest
class EngineHardeningProcessTests {

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    private final java.util.List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeTestDeployments() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
    }

    private String deploy(BpmnModelInstance model) {
        Deployment deployment = repository.createDeployment().addModelInstance("hardening-test.bpmn", model).deploy();
        deployments.add(deployment.getId());
        return deployment.getId();
    }

    private static BpmnModelInstance serviceTask(String key, String expression) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Task_Evaluate").camundaExpression(expression).endEvent().done();
    }

    @Test
    void anExpressionCannotReachTheApplicationsDatabaseTemplate() {
        deploy(serviceTask("hardening-jdbc", "${jdbcTemplate.queryForList('select email from account')}"));

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("hardening-jdbc"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("jdbcTemplate");
    }

    @Test
    void anExpressionCannotReachAnyOtherApplicationBean() {
        deploy(serviceTask("hardening-bean", "${accountDirectory.all()}"));

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("hardening-bean"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("accountDirectory");
    }

    @Test
    void anExpressionCannotReachTheDatabaseThroughTheEngineBehindTheExecution() {
        deploy(serviceTask("hardening-engine",
                "${execution.processEngine.processEngineConfiguration.dataSource.connection}"));
        deploy(serviceTask("hardening-services", "${execution.getProcessEngineServices().getRuntimeService()}"));

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("hardening-engine"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Not allowed");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("hardening-services"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Not allowed");
    }

    @Test
    void anExpressionCannotLoadClasses() {
        deploy(serviceTask("hardening-class", "${''.getClass().forName('java.lang.Runtime')}"));

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("hardening-class"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Not allowed");
    }

    @Test
    void anExpressionStillReachesABeanExposedToProcesses() {
        deploy(Bpmn.createExecutableProcess("hardening-exposed").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Task_Evaluate").camundaExpression("${commentQueueSla.duration()}")
                .camundaResultVariable("sla").userTask("Task_Wait").endEvent().done());

        ProcessInstance instance = runtime.startProcessInstanceByKey("hardening-exposed");

        assertThat(runtime.getVariable(instance.getId(), "sla")).asString().startsWith("PT");
    }

    @Test
    void aDeploymentWithAScriptTaskIsRefused() {
        BpmnModelInstance script = Bpmn.createExecutableProcess("hardening-script").camundaHistoryTimeToLive(1)
                .startEvent().scriptTask("Task_Script").scriptFormat("groovy").scriptText("'id'.execute()")
                .endEvent().done();

        assertThatThrownBy(() -> deploy(script)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Script tasks are not allowed");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("hardening-script").count()).isZero();
    }

    @Test
    void aTaskQueryTakesNoExpressions() {
        assertThatThrownBy(() -> tasks.createTaskQuery().dueBeforeExpression("${now()}").list())
                .isInstanceOf(ProcessEngineException.class);
        assertThat(tasks.createTaskQuery().dueBefore(new java.util.Date()).count()).isNotNegative();
    }

    private static byte[] javaSerialized(java.io.Serializable value) {
        try (java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
             java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(value);
            out.flush();
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aJavaSerializedValueFromOutsideIsRefused() {
        deploy(Bpmn.createExecutableProcess("hardening-serialized").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Wait").endEvent().done());
        // What a client of the engine's API could send: bytes for the engine to deserialize.
        String serialized = java.util.Base64.getEncoder().encodeToString(javaSerialized(new ArrayList<>(java.util.List.of("x"))));
        Map<String, Object> variables = Map.of("payload", Variables.serializedObjectValue(serialized)
                .serializationDataFormat(Variables.SerializationDataFormats.JAVA)
                .objectTypeName(ArrayList.class.getName()).create());

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("hardening-serialized", variables))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("hardening-serialized").count()).isZero();
    }
}
