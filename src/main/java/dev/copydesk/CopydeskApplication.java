package dev.copydesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Copydesk: editorial workflow and comment moderation, run by an embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CopydeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(CopydeskApplication.class, args);
    }
}
