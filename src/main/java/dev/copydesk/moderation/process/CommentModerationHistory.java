package dev.copydesk.moderation.process;

import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's history of {@code comment-moderation} lean: every comment runs the process, and
 * at history level {@code full} each run would also write the DMN evaluation (a decision instance
 * with nine inputs and an output), its variable updates and an activity instance for every step. Our
 * own {@code comment_history} already records the screening result with its reasons and every decision,
 * so those rows are dropped for this process only: its process instance, its events, the moderation
 * task (task, identity links, activity instance) and its jobs stay, which is what Cockpit and the
 * audit need ({@link #UNRECORDED_ACTIVITY_TYPES}). Other processes keep the full history. Previews
 * of the screening table (evaluated without a process) leave no history either: they decide nothing.
 *
 * <p>When an instance of this process ends (history removal time at {@code end}), the engine stamps
 * the removal time on every history table by root instance, sixteen {@code UPDATE}s, six of them on
 * tables this process never writes because of the filter above (variable instances and details,
 * decision instances with their inputs and outputs, external task logs). {@link LeanRemovalTime} stamps
 * only the tables it does write (the process and activity instances, tasks, identity links, jobs,
 * incidents, the operation log, task comments and attachments, byte arrays), with the engine's own
 * per-table update; every other process is stamped as before.
 */
@Component
class CommentModerationHistory extends AbstractProcessEnginePlugin {

    /** The history entities a comment-moderation instance can have rows in, once {@link #redundant} is dropped. */
    static final Set<String> WRITTEN = Set.of(HistoricActivityInstanceEventEntity.class.getName(),
            HistoricTaskInstanceEventEntity.class.getName(), HistoricIncidentEventEntity.class.getName(),
            HistoricJobLogEventEntity.class.getName(), UserOperationLogEntryEventEntity.class.getName(),
            HistoricIdentityLinkLogEventEntity.class.getName(), CommentEntity.class.getName(),
            AttachmentEntity.class.getName(), ByteArrayEntity.class.getName());

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getHistoryEventProducer() == null) {
            configuration.setHistoryEventProducer(new LeanRemovalTime());
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new Filter(configuration.getHistoryEventHandler()));
    }

    /** The engine's default producer, with the removal time of an ending comment-moderation instance kept to {@link #WRITTEN}. */
    static final class LeanRemovalTime extends CacheAwareHistoryEventProducer {

        private static final ThreadLocal<Boolean> ENDING_COMMENT_MODERATION = new ThreadLocal<>();

        @Override
        public HistoryEvent createProcessInstanceEndEvt(DelegateExecution execution) {
            boolean ours = execution instanceof ExecutionEntity e && e.getProcessDefinition() != null
                    && CommentModerationProcess.PROCESS_ID.equals(e.getProcessDefinition().getKey());
            ENDING_COMMENT_MODERATION.set(ours);
            try {
                return super.createProcessInstanceEndEvt(execution);
            } finally {
                ENDING_COMMENT_MODERATION.remove();
            }
        }

        @Override
        protected void addRemovalTimeToHistoricProcessInstances(String rootProcessInstanceId, Date removalTime) {
            if (Boolean.TRUE.equals(ENDING_COMMENT_MODERATION.get())) {
                Context.getCommandContext().getHistoricProcessInstanceManager()
                        .addRemovalTimeToProcessInstancesByRootProcessInstanceId(rootProcessInstanceId, removalTime,
                                null, WRITTEN);
            } else {
                super.addRemovalTimeToHistoricProcessInstances(rootProcessInstanceId, removalTime);
            }
        }

        @Override
        protected void addRemovalTimeToHistoricDecisions(String rootProcessInstanceId, Date removalTime) {
            // the filter below drops every decision evaluation of this process: there is nothing to stamp
            if (!Boolean.TRUE.equals(ENDING_COMMENT_MODERATION.get())) {
                super.addRemovalTimeToHistoricDecisions(rootProcessInstanceId, removalTime);
            }
        }
    }

    /**
     * Activity types of this process whose activity instances history does not keep: the service tasks
     * (screening, hold, approve, reject, overdue, hide), the DMN step and the gateways. They run inside
     * one transaction with the wait state or the end that follows, so Cockpit loses no wait state; what
     * they did is in our {@code comment_history}. Events (start, end, timer, the asynchronous step) and
     * the moderation task stay.
     */
    static final Set<String> UNRECORDED_ACTIVITY_TYPES = Set.of(ActivityTypes.TASK_SERVICE,
            ActivityTypes.TASK_BUSINESS_RULE, ActivityTypes.GATEWAY_EXCLUSIVE);

    static boolean redundant(HistoryEvent event) {
        if (event instanceof HistoricActivityInstanceEventEntity activity) {
            return CommentModerationProcess.PROCESS_ID.equals(activity.getProcessDefinitionKey())
                    && UNRECORDED_ACTIVITY_TYPES.contains(activity.getActivityType());
        }
        if (event instanceof HistoricDecisionEvaluationEvent evaluation) {
            var root = evaluation.getRootHistoricDecisionInstance();
            // in the process, or a settings preview (DmnScreeningPolicy) evaluating the table on its own
            return root != null && (CommentModerationProcess.PROCESS_ID.equals(root.getProcessDefinitionKey())
                    || root.getProcessDefinitionKey() == null
                    && CommentModerationProcess.DECISION_ID.equals(root.getDecisionDefinitionKey()));
        }
        return event instanceof HistoricVariableUpdateEventEntity
                && CommentModerationProcess.PROCESS_ID.equals(event.getProcessDefinitionKey());
    }

    private record Filter(HistoryEventHandler delegate) implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!redundant(event)) {
                delegate.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
