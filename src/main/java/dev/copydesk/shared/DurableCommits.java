package dev.copydesk.shared;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import javax.sql.DataSource;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * On the embedded H2 file database (the default), a commit returns only once it is in the database
 * file, and commits that arrive together share one write ({@link GroupCommit}). H2's own write delay
 * ({@code WRITE_DELAY}, 500 ms unless the URL says otherwise) then only paces its background writer;
 * durability does not depend on it.
 *
 * <p>The application's {@link DataSource} is wrapped; its connections wait for the file after
 * {@code commit()} of a transaction that changed something (rows, or the schema: H2 commits DDL at
 * once, so a later {@code commit()} finds nothing pending), after {@code setAutoCommit(true)} ends
 * such a transaction, and after an update or {@code execute} that ran in auto-commit mode (whatever
 * the mode was when the statement was made). PostgreSQL, H2 in memory or over TCP, and
 * {@code copydesk.h2.group-commit=false} get the connections as they are.
 *
 * <p>Not awaited, and not used by Copydesk: a query that writes ({@code SELECT … FROM FINAL TABLE},
 * {@code NEXT VALUE FOR}) in auto-commit mode, SQL {@code COMMIT} sent as a statement, and work done
 * on the raw H2 connection that {@code unwrap(JdbcConnection.class)} returns. What they changed goes
 * to the file with the next awaited commit.
 */
@Configuration(proxyBeanMethods = false)
class DurableCommits {

    private static final Logger log = LoggerFactory.getLogger(DurableCommits.class);

    @Bean
    static BeanPostProcessor h2GroupCommit(Environment environment) {
        boolean enabled = environment.getProperty("copydesk.h2.group-commit", Boolean.class, true);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return enabled && bean instanceof DataSource dataSource && !(bean instanceof Durable)
                        ? new Durable(dataSource) : bean;
            }
        };
    }

    /** The wrapper: looks at each connection's database, since the file may be closed and opened again. */
    static final class Durable extends DelegatingDataSource {

        private volatile GroupCommit group;

        Durable(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return durable(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return durable(super.getConnection(username, password));
        }

        private Connection durable(Connection connection) throws SQLException {
            SessionLocal session = embeddedSession(connection);
            MVStore store = session == null ? null : session.getDatabase().getStore().getMvStore();
            if (store == null || store.getFileStore() == null) {
                return connection;
            }
            return (Connection) Proxy.newProxyInstance(DurableCommits.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new ConnectionHandler(connection, session, groupFor(store)));
        }

        /** The group commit of the database last connected to (none before the first file connection). */
        GroupCommit group() {
            return group;
        }

        private GroupCommit groupFor(MVStore store) {
            GroupCommit current = group;
            if (current != null && current.writes(store)) {
                return current;
            }
            synchronized (this) {
                if (group == null || !group.writes(store)) {
                    if (group == null) {
                        log.info("Embedded H2 file database: every commit is written to the file before it returns, "
                                + "concurrent commits share one write (group commit)");
                    }
                    group = new GroupCommit(store);
                }
                return group;
            }
        }
    }

    /** The H2 session behind {@code connection} when it is an embedded H2 database (file or memory), else null. */
    static SessionLocal embeddedSession(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        return session instanceof SessionLocal local ? local : null;
    }

    private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement", "prepareCall");
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    /** A connection whose commits wait for the file. */
    private static final class ConnectionHandler implements InvocationHandler {

        private final Connection target;
        private final SessionLocal session;
        private final GroupCommit commits;
        /** The database's schema version when this connection last waited (or was handed out). */
        private long schemaSeen;

        ConnectionHandler(Connection target, SessionLocal session, GroupCommit commits) {
            this.target = target;
            this.session = session;
            this.commits = commits;
            this.schemaSeen = session.getDatabase().getModificationMetaId();
        }

        /** Whether ending the transaction now ends one that changed rows or the schema (DDL is committed at once). */
        private boolean changed() {
            long schema = session.getDatabase().getModificationMetaId();
            boolean changed = session.hasPendingTransaction() || schema != schemaSeen;
            schemaSeen = schema;
            return changed;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "commit" -> {
                    boolean changed = changed();
                    target.commit();
                    if (changed) {
                        commits.awaitOnDisk();
                    }
                    return null;
                }
                case "setAutoCommit" -> {
                    boolean changed = (Boolean) args[0] && !target.getAutoCommit() && changed();
                    target.setAutoCommit((Boolean) args[0]);
                    if (changed) {
                        commits.awaitOnDisk();
                    }
                    return null;
                }
                case "unwrap" -> {
                    return ((Class<?>) args[0]).isInstance(proxy) ? proxy : target.unwrap((Class<?>) args[0]);
                }
                case "isWrapperFor" -> {
                    return ((Class<?>) args[0]).isInstance(proxy) || target.isWrapperFor((Class<?>) args[0]);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> {
                    Object result = call(target, method, args);
                    if (STATEMENT_FACTORIES.contains(name) && result instanceof Statement statement) {
                        return awaited(statement, (Connection) proxy);
                    }
                    return result;
                }
            }
        }

        /** A statement whose executions that may write wait for the file when they run in auto-commit mode. */
        private Statement awaited(Statement statement, Connection connection) {
            Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
                    : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            return (Statement) Proxy.newProxyInstance(DurableCommits.class.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "getConnection" -> {
                                return connection;
                            }
                            case "unwrap" -> {
                                return ((Class<?>) args[0]).isInstance(proxy) ? proxy : statement.unwrap((Class<?>) args[0]);
                            }
                            case "equals" -> {
                                return proxy == args[0];
                            }
                            case "hashCode" -> {
                                return System.identityHashCode(proxy);
                            }
                            default -> {
                                Object result = call(statement, method, args);
                                if (EXECUTIONS.contains(method.getName()) && target.getAutoCommit()) {
                                    schemaSeen = session.getDatabase().getModificationMetaId();
                                    commits.awaitOnDisk();
                                }
                                return result;
                            }
                        }
                    });
        }

        private static Object call(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
