package dev.copydesk.operations.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

import dev.copydesk.operations.OpenTasks;

/**
 * Open and overdue user tasks per process and task, counted with the engine's task query: for each
 * process's latest definition, each user task its BPMN declares. A handful of indexed counts per
 * refresh (every {@code copydesk.metrics.refresh-interval}), and no SQL on the engine's tables, whose
 * layout is the engine's business. Tasks of older definition versions count under the same keys.
 */
@Component
class EngineOpenTasks implements OpenTasks {

    private final RepositoryService repository;
    private final TaskService tasks;

    EngineOpenTasks(RepositoryService repository, TaskService tasks) {
        this.repository = repository;
        this.tasks = tasks;
    }

    @Override
    public List<TaskCount> count(Instant now) {
        Date at = Date.from(now);
        List<TaskCount> counts = new ArrayList<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            for (UserTask task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
                long open = tasks.createTaskQuery().processDefinitionKey(definition.getKey())
                        .taskDefinitionKey(task.getId()).count();
                if (open == 0) {
                    continue;
                }
                long overdue = tasks.createTaskQuery().processDefinitionKey(definition.getKey())
                        .taskDefinitionKey(task.getId()).dueBefore(at).count();
                counts.add(new TaskCount(definition.getKey(), task.getId(), open, overdue));
            }
        }
        return counts;
    }
}
