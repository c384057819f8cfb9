package dev.copydesk.shared.process;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.copydesk.shared.Problems;
import dev.copydesk.shared.RequestIds;

/**
 * Failures inside the workflow engine that reach the web layer. Two callers moving the same process
 * at once is a 409 (the engine's optimistic lock rolled the loser back as a whole); anything else is
 * a logged 500 with no internals. Module APIs translate the cases they expect themselves.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(EngineProblemAdvice.class);

    @ExceptionHandler({OptimisticLockingException.class, TaskAlreadyClaimedException.class})
    ResponseEntity<ProblemDetail> concurrent(ProcessEngineException e) {
        return respond(Problems.of(HttpStatus.CONFLICT,
                "Someone else moved this item at the same moment; reload it and try again"));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> gone(NotFoundException e) {
        return respond(Problems.of(HttpStatus.CONFLICT,
                "The workflow step this request refers to is no longer open"));
    }

    @ExceptionHandler(ProcessEngineException.class)
    ResponseEntity<ProblemDetail> engine(ProcessEngineException e) {
        log.error("Workflow engine failure", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "The workflow engine could not complete the request; nothing was changed"));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        RequestIds.addTo(problem);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
