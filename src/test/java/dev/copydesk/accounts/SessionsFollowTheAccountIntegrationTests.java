package dev.copydesk.accounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.copydesk.support.ConsoleSession;
import dev.copydesk.support.CopydeskServerTest;
import dev.copydesk.support.HttpCalls;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console session is only as good as the account behind it, checked on every request over a real
 * port: disabling, demoting or a new password take effect on the session's very next request. The
 * first wave let a disabled, demoted admin use an old session to make himself ADMIN again.
 */
@CopydeskServerTest
class SessionsFollowTheAccountIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixtures staff;

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private void changeAsAdmin(Staff who, String json) {
        assertThat(HttpCalls.patchJson(base() + "/api/admin/accounts/" + who.id(), "admin",
                StaffFixtures.ADMIN_PASSWORD, json).statusCode()).isEqualTo(200);
    }

    @Test
    void disabledAndDemotedAdminsOldSessionCannotMakeHimAdminAgain() {
        Staff rogue = staff.create(Role.ADMIN);
        ConsoleSession session = ConsoleSession.login(base(), rogue.member().username(), StaffFixtures.PASSWORD);
        assertThat(session.get("/api/admin/accounts").statusCode()).as("an admin's session works").isEqualTo(200);

        changeAsAdmin(rogue, "{\"enabled\":false,\"roles\":[\"WRITER\"]}");

        assertThat(session.send("PATCH", "/api/admin/accounts/" + rogue.id(),
                "{\"enabled\":true,\"roles\":[\"ADMIN\"]}").statusCode()).isEqualTo(401);
        assertThat(session.get("/api/me").statusCode()).isEqualTo(401);
        String after = HttpCalls.get(base() + "/api/admin/accounts/" + rogue.id(), "admin", StaffFixtures.ADMIN_PASSWORD).body();
        assertThat(after).contains("\"enabled\":false").contains("WRITER").doesNotContain("ADMIN");
    }

    @Test
    void aRoleChangeTakesEffectOnTheSessionsNextRequest() {
        Staff moderator = staff.create(Role.MODERATOR);
        ConsoleSession session = ConsoleSession.login(base(), moderator.member().username(), StaffFixtures.PASSWORD);
        assertThat(session.get("/api/moderation/queue").statusCode()).isEqualTo(200);

        changeAsAdmin(moderator, "{\"roles\":[\"WRITER\"]}");

        assertThat(session.get("/api/moderation/queue").statusCode()).isEqualTo(403);
        assertThat(session.get("/api/me").body()).contains("WRITER").doesNotContain("MODERATOR");
    }

    @Test
    void aNewPasswordEndsEveryOpenSession() {
        Staff editor = staff.create(Role.EDITOR);
        ConsoleSession session = ConsoleSession.login(base(), editor.member().username(), StaffFixtures.PASSWORD);
        assertThat(session.get("/api/reviews").statusCode()).isEqualTo(200);

        changeAsAdmin(editor, "{\"password\":\"a-brand-new-password\"}");

        assertThat(session.get("/api/reviews").statusCode()).isEqualTo(401);
        assertThat(HttpCalls.get(base() + "/api/me", editor.member().username(), "a-brand-new-password").statusCode())
                .as("the new password works").isEqualTo(200);
    }

    @Test
    void aDisplayNameChangeKeepsTheSessionAndShowsTheNewName() {
        Staff writer = staff.create(Role.WRITER);
        ConsoleSession session = ConsoleSession.login(base(), writer.member().username(), StaffFixtures.PASSWORD);

        changeAsAdmin(writer, "{\"displayName\":\"Wendy Renamed\"}");

        assertThat(session.get("/api/me").body()).contains("Wendy Renamed");
    }
}
