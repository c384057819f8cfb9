package dev.copydesk.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The Spring-managed pool for one-off background jobs of any module (the search backfills at
 * start-up). It stops with the context: running jobs are interrupted and given
 * {@value #AWAIT_SECONDS} s to finish; a backfill left unfinished resumes at the next start.
 */
@Configuration(proxyBeanMethods = false)
public class BackgroundWork {

    /** The executor's bean name, for {@code @Qualifier}. */
    public static final String EXECUTOR = "copydeskBackgroundExecutor";

    static final int AWAIT_SECONDS = 5;

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor copydeskBackgroundExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setThreadNamePrefix("copydesk-background-");
        executor.setDaemon(true);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAwaitTerminationSeconds(AWAIT_SECONDS);
        return executor;
    }
}
