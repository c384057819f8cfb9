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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives open user tasks the candidate groups their business object's section asks for, through the
 * engine API only, in bounded batches (one transaction each). Tasks opened before sections existed
 * carry only the newsroom-wide group ({@code EDITOR}); after a repair they also carry the section's
 * ({@code EDITOR:entertainment}), and a section group of another section of the same role is dropped.
 * Running it again changes nothing (idempotent). Each module that offers tasks per section names its
 * tasks in a subclass bean; every such bean runs at start-up unless
 * {@code copydesk.section-groups.repair-at-startup} is false.
 */
public abstract class SectionGroupRepair {

    private static final Logger log = LoggerFactory.getLogger(SectionGroupRepair.class);

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final SectionGroupSettings settings;
    private final String processKey;
    private final List<String> taskKeys;
    private final String newsroomGroup;
    private final Function<String, List<String>> wanted;

    /**
     * Repairs the open tasks {@code taskKeys} of process {@code processKey} that are offered to
     * {@code newsroomGroup}; {@code wanted} maps a business key to every candidate group the task should
     * have ({@code newsroomGroup} included).
     */
    protected SectionGroupRepair(TaskService tasks, RuntimeService runtime, TransactionTemplate transactions,
            SectionGroupSettings settings, String processKey, List<String> taskKeys, String newsroomGroup,
            Function<String, List<String>> wanted) {
        if (settings.batchSize() < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        this.tasks = tasks;
        this.runtime = runtime;
        this.transactions = transactions;
        this.settings = settings;
        this.processKey = processKey;
        this.taskKeys = List.copyOf(taskKeys);
        this.newsroomGroup = newsroomGroup;
        this.wanted = wanted;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStartup() {
        if (settings.repairAtStartup()) {
            int changed = repair();
            if (changed > 0) {
                log.info("Gave {} open {} task(s) of {} their section's candidate group", changed, taskKeys, processKey);
            }
        }
    }

    /** Repairs every open task named; how many were changed (0 when all were right). */
    public int repair() {
        int batchSize = settings.batchSize();
        String scopedPrefix = newsroomGroup + ":";
        int changed = 0;
        int first = 0;
        while (true) {
            int from = first;
            int[] result = transactions.execute(status -> batch(scopedPrefix, from, batchSize));
            changed += Objects.requireNonNull(result)[1];
            if (result[0] < batchSize) {
                return changed;
            }
            first += batchSize;
        }
    }

    /** One page of tasks by id: {seen, changed}. The page stays the same, as the newsroom group stays. */
    private int[] batch(String scopedPrefix, int first, int batchSize) {
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
