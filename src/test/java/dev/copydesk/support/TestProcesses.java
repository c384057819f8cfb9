package dev.copydesk.support;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Tiny processes for infrastructure tests (engine on PostgreSQL, cluster, metrics), built in code
 * and deployed by the test that needs them, so they never reach the engines of other test contexts
 * through auto-deployment.
 */
public final class TestProcesses {

    private TestProcesses() {
    }

    /** start → one user task {@code Task_Probe} (assignee, candidate group and due date optional) → end. */
    public static BpmnModelInstance userTask(String key, String assignee, String candidateGroup, String dueDate) {
        var task = Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Probe")
                .userTask("Task_Probe");
        if (assignee != null) {
            task = task.camundaAssignee(assignee);
        }
        if (candidateGroup != null) {
            task = task.camundaCandidateGroups(candidateGroup);
        }
        if (dueDate != null) {
            task = task.camundaDueDate(dueDate);
        }
        return task.endEvent("EndEvent_Probe").done();
    }

    /** start → wait {@code duration} on a timer → service task running {@code expression} → end. */
    public static BpmnModelInstance timerThenExpression(String key, String duration, String expression) {
        return Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Probe")
                .intermediateCatchEvent("Timer_Wait").timerWithDuration(duration)
                .serviceTask("Task_AfterTimer").camundaExpression(expression)
                .endEvent("EndEvent_Probe")
                .done();
    }

    /** Deploys the model (duplicates filtered, so calling it twice is harmless); returns the deployment id. */
    public static String deploy(RepositoryService repository, String key, BpmnModelInstance model) {
        return repository.createDeployment()
                .name(key)
                .enableDuplicateFiltering(false)
                .addModelInstance(key + ".bpmn", model)
                .deploy()
                .getId();
    }
}
