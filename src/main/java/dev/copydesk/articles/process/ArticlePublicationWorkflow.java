package dev.copydesk.articles.process;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleWorkflow;
import dev.copydesk.articles.Publication;
import dev.copydesk.articles.ReviewDecision;
import dev.copydesk.articles.ReviewProperties;
import dev.copydesk.shared.ConflictException;

import static dev.copydesk.articles.process.ArticlePublicationProcess.*;

/**
 * {@link ArticleWorkflow} on the embedded engine. Every call runs in the caller's transaction (the
 * engine shares Spring's transaction manager), so a failure here rolls the article back as well.
 */
@Component
class ArticlePublicationWorkflow implements ArticleWorkflow {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ReviewProperties review;

    ArticlePublicationWorkflow(RuntimeService runtime, TaskService tasks, ReviewProperties review) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.review = review;
    }

    @Override
    public void submitted(String articleId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_DECISION, null);
        variables.put(VAR_REVIEW_SLA, review.sla().toString());
        if (instanceId(articleId).isPresent()) {
            runtime.createMessageCorrelation(MESSAGE_ARTICLE_SUBMITTED)
                    .processInstanceBusinessKey(articleId)
                    .setVariables(variables)
                    .correlateWithResult();
            return;
        }
        variables.put(VAR_ARTICLE_ID, articleId);
        variables.put(VAR_PUBLICATION, null);
        variables.put(VAR_SCHEDULED, false);
        variables.put(VAR_PUBLISH_AT, null);
        variables.put(VAR_UNPUBLISH_AT, null);
        runtime.startProcessInstanceByKey(PROCESS_ID, articleId, variables);
    }

    @Override
    public void withdrawn(String articleId) {
        runtime.createMessageCorrelation(MESSAGE_REVIEW_WITHDRAWN)
                .processInstanceBusinessKey(articleId)
                .correlateWithResult();
    }

    @Override
    public void decided(String articleId, ReviewDecision decision, Publication publication) {
        Task task = reviewTask(articleId)
                .orElseThrow(() -> new ConflictException("There is no open review for this article"));
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_DECISION, decision.name());
        // The aggregate decided now or later; the gateway follows that, it does not work it out again.
        variables.put(VAR_PUBLICATION, publication == null ? null : publication.when().name());
        // Instances started on an earlier version of the definition still route on this variable.
        variables.put(VAR_SCHEDULED, publication != null && publication.later());
        variables.put(VAR_PUBLISH_AT, publication == null ? null : date(publication.publishAt()));
        if (publication != null) {
            variables.put(VAR_UNPUBLISH_AT, date(publication.unpublishAt()));
        }
        try {
            tasks.complete(task.getId(), variables);
        } catch (org.camunda.bpm.engine.exception.NullValueException
                | org.camunda.bpm.engine.exception.NotFoundException
                | org.camunda.bpm.engine.OptimisticLockingException gone) {
            // Two editors of ours never get here: ArticleDesk flushes the article's version first, so
            // the slower one fails on the article row. This is the task completed from outside
            // (Tasklist, the engine API) between our query and our completion, on any node.
            throw new ConflictException("Another editor decided this review a moment ago");
        }
    }

    @Override
    public void unpublished(String articleId) {
        runtime.createMessageCorrelation(MESSAGE_UNPUBLISH_REQUESTED)
                .processInstanceBusinessKey(articleId)
                .correlateWithResult();
    }

    @Override
    public void expiryChanged(String articleId, Instant unpublishAt) {
        // While scheduled nothing waits for the message yet: the variable is read when the article goes live.
        instanceId(articleId).ifPresent(instance -> {
            runtime.setVariable(instance, VAR_UNPUBLISH_AT, date(unpublishAt));
            runtime.createMessageCorrelation(MESSAGE_EXPIRY_CHANGED)
                    .processInstanceBusinessKey(articleId)
                    .correlateAll();
        });
    }

    /**
     * The open review task is offered to the new section's editors: the old section's group is
     * dropped, the new one added, in this transaction, so Tasklist and our queue agree at commit.
     */
    @Override
    public void moved(String articleId, String section) {
        reviewTask(articleId).ifPresent(task -> {
            List<String> wanted = ReviewCandidateGroups.forSection(section);
            List<String> present = tasks.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(link.getType()))
                    .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
                    .filter(java.util.Objects::nonNull)
                    .toList();
            present.stream().filter(group -> !wanted.contains(group))
                    .forEach(group -> tasks.deleteCandidateGroup(task.getId(), group));
            wanted.stream().filter(group -> !present.contains(group))
                    .forEach(group -> tasks.addCandidateGroup(task.getId(), group));
        });
    }

    @Override
    public List<OpenReview> openReviews() {
        List<Task> open = tasks.createTaskQuery()
                .processDefinitionKey(PROCESS_ID)
                .taskDefinitionKeyIn(TASK_REVIEW_ARTICLE, TASK_REVIEW_REVISION)
                .taskCandidateGroup(Role.EDITOR.name())
                .orderByTaskCreateTime().asc()
                .list();
        if (open.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> businessKeys = runtime.createProcessInstanceQuery()
                .processInstanceIds(instanceIds)
                .list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        return open.stream()
                .map(t -> new OpenReview(businessKeys.get(t.getProcessInstanceId()), t.getId(),
                        t.getCreateTime().toInstant()))
                .filter(r -> r.articleId() != null)
                .toList();
    }

    @Override
    public Optional<OpenReview> openReview(String articleId) {
        return reviewTask(articleId).map(t -> new OpenReview(articleId, t.getId(), t.getCreateTime().toInstant()));
    }

    private Optional<Task> reviewTask(String articleId) {
        return Optional.ofNullable(tasks.createTaskQuery()
                .processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(articleId)
                .taskDefinitionKeyIn(TASK_REVIEW_ARTICLE, TASK_REVIEW_REVISION)
                .singleResult());
    }

    /**
     * The article's running instance, found through its executions: the process-instance query also asks
     * for {@code PARENT_ID_ IS NULL}, and H2 plans it by that column's index, reading every running
     * instance of every article (596 rows for one article's in a benchmark database, and growing with
     * the live articles); the execution query finds the instance by its business key's index and reads
     * only that instance's executions. Two running instances for one article are refused, as the
     * process-instance query's {@code singleResult()} refused them.
     */
    private Optional<String> instanceId(String articleId) {
        List<String> running = runtime.createExecutionQuery()
                .processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(articleId)
                .active()
                .list().stream()
                .map(Execution::getProcessInstanceId)
                .distinct()
                .toList();
        if (running.size() > 1) {
            throw new IllegalStateException("Article " + articleId + " has " + running.size()
                    + " running publication processes: " + running);
        }
        return running.stream().findFirst();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
