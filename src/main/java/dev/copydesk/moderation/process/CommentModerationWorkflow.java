package dev.copydesk.moderation.process;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

import dev.copydesk.articles.CommentPremoderation;
import dev.copydesk.comments.ModerationGate;
import dev.copydesk.moderation.Decision;
import dev.copydesk.moderation.ModerationSettingsStore;
import dev.copydesk.moderation.ModerationWorkflow;
import dev.copydesk.shared.ConflictException;

import static dev.copydesk.moderation.process.CommentModerationProcess.*;

/**
 * The comment-moderation process behind the comments module's {@link ModerationGate} and the
 * moderation module's {@link ModerationWorkflow}. Runs in the caller's transaction: the engine and
 * JPA share it, so a comment and its process are stored together or not at all. Values the process
 * needs only until its next wait state travel as transient variables, which cost no rows.
 */
@Component
class CommentModerationWorkflow implements ModerationGate, ModerationWorkflow {


    private final RuntimeService runtime;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final ModerationSettingsStore settings;
    private final Cache latest;

    CommentModerationWorkflow(RuntimeService runtime, TaskService tasks, RepositoryService repository,
            ModerationSettingsStore settings, CacheManager caches) {
        this.latest = caches.getCache(CommentModerationCaches.LATEST_DEFINITION);
        this.runtime = runtime;
        this.tasks = tasks;
        this.repository = repository;
        this.settings = settings;
    }

    @Override
    public void screen(String commentId, CommentPremoderation articlePremoderation) {
        // With an external moderation service, screening waits for the commit (Event_ReaderAnswered is
        // asynchronous after): what it reads then must be stored, not transient (two rows on that path only).
        boolean external = settings.current().asksExternalModeration();
        runtime.startProcessInstanceById(latestDefinitionId(), commentId, Variables.createVariables()
                .putValueTyped(VAR_ASK_EXTERNAL_MODERATION, Variables.booleanValue(external, !external))
                .putValueTyped(VAR_ARTICLE_PREMODERATION, Variables.stringValue(
                        (articlePremoderation == null ? CommentPremoderation.INHERIT : articlePremoderation).name(),
                        !external)));
    }

    /**
     * Starting by key asks the database for the latest version on every comment; the id is kept for a
     * minute instead, so a version deployed at run time is picked up within a minute.
     */
    private String latestDefinitionId() {
        return latest.get(PROCESS_ID, () -> repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_ID)
                .latestVersion().singleResult().getId());
    }

    @Override
    public void report(String commentId) {
        runtime.startProcessInstanceByMessage(MESSAGE_COMMENT_REPORTED, commentId);
    }

    @Override
    public int commentsPerMinute() {
        return settings.current().commentsPerMinute();
    }

    @Override
    public int flagThreshold() {
        return settings.current().flagThreshold();
    }

    @Override
    public void decide(String commentId, Decision decision, String moderator, String reason) {
        // Found by the business key (the comment id): no engine id is kept outside this package.
        Task task = tasks.createTaskQuery()
                .processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(commentId)
                .taskDefinitionKey(TASK_MODERATE_COMMENT)
                .singleResult();
        if (task == null) {
            throw new ConflictException("Comment " + commentId + " is no longer waiting for a decision");
        }
        try {
            tasks.complete(task.getId(), Variables.createVariables()
                    .putValueTyped(VAR_MODERATOR_DECISION, Variables.stringValue(decision.name(), true))
                    .putValueTyped(VAR_MODERATOR, Variables.stringValue(moderator, true))
                    .putValueTyped(VAR_DECISION_REASON, Variables.stringValue(reason, true)));
        } catch (NullValueException | org.camunda.bpm.engine.exception.NotFoundException | OptimisticLockingException gone) {
            // Our own moderators take turns on the comment's row (ModerationDecisions), so this is the
            // task completed from outside (Tasklist, the engine API) between our query and our
            // completion, on any node: the engine says so with its own types; 409, and all rolls back.
            throw new ConflictException("Comment " + commentId + " was decided by someone else a moment ago");
        }
    }
}
