package dev.copydesk.moderation.process;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import dev.copydesk.moderation.ScreeningPolicy;
import dev.copydesk.moderation.ScreeningResult;

/**
 * The screening policy outside a process (the settings preview): the deployed DMN table
 * {@code comment-screening}, evaluated by the engine, so a preview answers what intake would.
 */
@Component
class DmnScreeningPolicy implements ScreeningPolicy {

    private final DecisionService decisions;

    DmnScreeningPolicy(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public String decide(ScreeningResult facts) {
        return decisions.evaluateDecisionTableByKey(CommentModerationProcess.DECISION_ID,
                        Variables.fromMap(facts.decisionInputs()))
                .getSingleResult().getSingleEntry();
    }
}
