package dev.copydesk.operations;

import java.io.EOFException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTests {

    @Test
    void poolTimeoutInsideATransactionStartIsAnOutage() {
        assertThat(DatabaseOutage.isOutage(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
    }

    @Test
    void connectionFailureWrappedByTheEngineIsAnOutage() {
        SQLException dropped = new SQLException("An I/O error occurred while sending to the backend.", "08006",
                new EOFException());
        assertThat(DatabaseOutage.isOutage(new ProcessEngineException("persistence", new RuntimeException(dropped))))
                .isTrue();
    }

    @Test
    void serverShuttingDownIsAnOutage() {
        assertThat(DatabaseOutage.isOutage(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(DatabaseOutage.isOutage(new DataAccessResourceFailureException("gone"))).isTrue();
    }

    @Test
    void aRollbackThatFailsOnADeadConnectionIsAnOutage() {
        // the chain seen as a 500 during an outage: Spring over Hibernate over a closed connection
        RuntimeException hibernate = new RuntimeException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed"));
        assertThat(DatabaseOutage.isOutage(new TransactionSystemException("Could not roll back JPA transaction",
                hibernate))).isTrue();
        assertThat(DatabaseOutage.isOutage(new TransactionSystemException("Could not commit JPA transaction",
                new RuntimeException("Unable to commit against JDBC Connection")))).isFalse();
    }

    @Test
    void constraintViolationIsNotAnOutage() {
        assertThat(DatabaseOutage.isOutage(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    }

    @Test
    void engineFailureWithoutDatabaseCauseIsNotAnOutage() {
        assertThat(DatabaseOutage.isOutage(new ProcessEngineException("Unknown property used in expression")))
                .isFalse();
    }
}
