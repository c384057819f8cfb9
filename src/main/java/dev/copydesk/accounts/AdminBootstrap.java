package dev.copydesk.accounts;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.copydesk.accounts.AccountDirectory.NewAccount;
import dev.copydesk.shared.ConflictException;

/**
 * First start: when no account named {@code admin} exists, creates it with the password from
 * {@code COPYDESK_ADMIN_PASSWORD} ({@code copydesk.admin-password}), or with a random password that
 * is written to the log this once. Later starts change nothing.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String ADMIN = "admin";

    private final AccountDirectory directory;
    private final String configuredPassword;

    AdminBootstrap(AccountDirectory directory, @Value("${copydesk.admin-password:}") String configuredPassword) {
        this.directory = directory;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.findStaffByUsername(ADMIN).isPresent()) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        try {
            directory.create(new NewAccount(ADMIN, "Administrator", "admin@localhost", password, EnumSet.of(Role.ADMIN)));
        } catch (ConflictException raced) {
            return; // another node created it first
        }
        if (generated) {
            log.warn("Created the account 'admin' with the generated password: {}  (shown once; "
                    + "set COPYDESK_ADMIN_PASSWORD to choose it, and change it after logging in)", password);
        } else {
            log.info("Created the account 'admin' with the password from COPYDESK_ADMIN_PASSWORD");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
