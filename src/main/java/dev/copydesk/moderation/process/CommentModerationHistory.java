package dev.copydesk.moderation.process;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's history of {@code comment-moderation} lean: every comment runs the process, and
 * at history level {@code full} each run would also write the DMN evaluation (a decision instance
 * with nine inputs and an output) and its variable updates. Our own {@code comment_history} already
 * records the screening result with its reasons, so those rows are dropped for this process only;
 * its process and activity instances stay (Cockpit shows the path every comment took). Other
 * processes keep the full history. Previews of the screening table (evaluated without a process) leave
 * no history either: they decide nothing.
 */
@Component
class CommentModerationHistory extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new Filter(configuration.getHistoryEventHandler()));
    }

    static boolean redundant(HistoryEvent event) {
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
