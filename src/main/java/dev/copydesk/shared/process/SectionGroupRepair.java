package dev.copydesk.shared.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives open user tasks the candidate groups their business object's section asks for, through the
 * engine API only, in bounded batches (one transaction each). Tasks opened before sections existed
 * carry only the newsroom-wide group ({@code EDITOR}); after a repair they also carry the section's
 * ({@code EDITOR:entertainment}), and a section group of another section of the same role is dropped.
 * Running it again changes nothing (idempotent); the modules run it at start-up.
 */
public final class SectionGroupRepair {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final int batchSize;

    public SectionGroupRepair(TaskService tasks, RuntimeService runtime, TransactionTemplate transactions,
            int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        this.tasks = tasks;
        this.runtime = runtime;
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    /**
     * Repairs the open tasks {@code taskKeys} of process {@code processKey} that are offered to
     * {@code newsroomGroup}; {@code wanted} maps a business key to every candidate group the task should
     * have ({@code newsroomGroup} included). Returns how many tasks were changed.
     */
    public int repair(String processKey, List<String> taskKeys, String newsroomGroup,
            Function<String, List<String>> wanted) {
        String scopedPrefix = newsroomGroup + ":";
        int changed = 0;
        int first = 0;
        while (true) {
            int from = first;
            int[] result = transactions.execute(status -> batch(processKey, taskKeys, newsroomGroup, scopedPrefix,
                    wanted, from));
            changed += Objects.requireNonNull(result)[1];
            if (result[0] < batchSize) {
                return changed;
            }
            first += batchSize;
        }
    }

    /** One page of tasks by id: {seen, changed}. The page stays the same, as the newsroom group stays. */
    private int[] batch(String processKey, List<String> taskKeys, String newsroomGroup, String scopedPrefix,
            Function<String, List<String>> wanted, int first) {
        List<Task> page = tasks.createTaskQuery().processDefinitionKey(processKey)
                .taskDefinitionKeyIn(taskKeys.toArray(String[]::new)).taskCandidateGroup(newsroomGroup)
                .orderByTaskId().asc().listPage(first, batchSize);
        if (page.isEmpty()) {
            return new int[] {0, 0};
        }
        Set<String> instanceIds = page.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> businessKeys = runtime.createProcessInstanceQuery()
                .processInstanceIds(instanceIds).list().stream()
                .filter(i -> i.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        int changed = 0;
        for (Task task : page) {
            String businessKey = businessKeys.get(task.getProcessInstanceId());
            if (businessKey == null) {
                continue;
            }
            List<String> groups = wanted.apply(businessKey);
            List<String> present = new ArrayList<>();
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    present.add(link.getGroupId());
                }
            }
            boolean touched = false;
            for (String group : present) {
                if (group.startsWith(scopedPrefix) && !groups.contains(group)) {
                    tasks.deleteCandidateGroup(task.getId(), group);
                    touched = true;
                }
            }
            for (String group : groups) {
                if (!present.contains(group)) {
                    tasks.addCandidateGroup(task.getId(), group);
                    touched = true;
                }
            }
            if (touched) {
                changed++;
            }
        }
        return new int[] {page.size(), changed};
    }
}
