package dev.copydesk.operations;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

import dev.copydesk.shared.ProblemWriter;
import dev.copydesk.shared.Problems;

/**
 * Recognises "the database cannot be reached" anywhere in a cause chain (the pool timing out, a
 * refused or dropped connection, PostgreSQL shutting down, the engine wrapping any of these) and
 * answers it with 503, {@code Retry-After} and a problem document without internals. Nothing was
 * committed when this happens, so the client may safely retry.
 */
@Component
class DatabaseOutage {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);
    static final String RETRY_AFTER_SECONDS = "5";
    static final String DETAIL = "The service cannot reach its database right now; nothing was changed. "
            + "Try again in a few seconds";

    static final String ROLLBACK_FAILED = "Unable to rollback against JDBC Connection";

    private final ProblemWriter problems;

    DatabaseOutage(ProblemWriter problems) {
        this.problems = problems;
    }

    /** True when {@code failure} or one of its causes says the database is unreachable. */
    static boolean isOutage(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // Hibernate's TransactionException (under Spring's TransactionSystemException) when the
            // connection died inside a transaction: the rollback fails, and nothing was committed
            if (t.getMessage() != null && t.getMessage().startsWith(ROLLBACK_FAILED)) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08xxx: connection exception; 57P01-57P03: the server is shutting down or starting
                if (state.startsWith("08") || state.startsWith("57P0")) {
                    return true;
                }
            }
        }
        return false;
    }

    void answer(HttpServletRequest request, HttpServletResponse response, Throwable failure) throws IOException {
        log.warn("Answered {} {} with 503: database unreachable ({})", request.getMethod(), request.getRequestURI(),
                rootCause(failure));
        if (response.isCommitted()) {
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        problems.write(request, response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, DETAIL));
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        int depth = 0;
        while (root.getCause() != null && root.getCause() != root && depth++ < 20) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
