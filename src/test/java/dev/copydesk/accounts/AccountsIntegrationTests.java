package dev.copydesk.accounts;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@CopydeskIntegrationTest
class AccountsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffFixtures staff;

    @Test
    void meWhenAnonymousThenUnauthorizedProblem() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"copydesk\""))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void meWhenLoggedInThenOwnAccountWithRoles() throws Exception {
        Staff both = staff.create(Role.WRITER, Role.EDITOR);
        mvc.perform(get("/api/me").with(both.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(both.id()))
                .andExpect(jsonPath("$.username").value(both.member().username()))
                .andExpect(jsonPath("$.roles", containsInAnyOrder("WRITER", "EDITOR")))
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
    }

    @Test
    void bootstrapAdminLogsInWithConfiguredPassword() throws Exception {
        mvc.perform(get("/api/me").with(staff.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("admin"))
                .andExpect(jsonPath("$.roles", containsInAnyOrder("ADMIN")));
    }

    @Test
    void wrongPasswordThenUnauthorized() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        mvc.perform(get("/api/me").with(httpBasic(writer.member().username(), "not-the-password")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void adminCreatesAccountWhoCanThenLogIn() throws Exception {
        mvc.perform(post("/api/admin/accounts").with(staff.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"ada.lovelace","displayName":"Ada","email":"ada@example.org",
                                 "password":"analytical-engine","roles":["WRITER","MODERATOR"]}"""))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.roles", containsInAnyOrder("WRITER", "MODERATOR")))
                .andExpect(jsonPath("$.password").doesNotExist());
        mvc.perform(get("/api/me").with(httpBasic("ada.lovelace", "analytical-engine")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("Ada"));
        mvc.perform(get("/api/admin/accounts").with(staff.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username", hasItem("ada.lovelace")));
    }

    @Test
    void createWithTakenUsernameThenConflict() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        mvc.perform(post("/api/admin/accounts").with(staff.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"Copy","email":"c@example.org",
                                 "password":"0123456789ab","roles":["WRITER"]}""".formatted(writer.member().username())))
                .andExpect(status().isConflict());
    }

    @Test
    void createWithInvalidFieldsThenProblemNamesEachField() throws Exception {
        mvc.perform(post("/api/admin/accounts").with(staff.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"Bad Name!","displayName":"","email":"not-an-email",
                                 "password":"short","roles":[]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field",
                        containsInAnyOrder("username", "displayName", "email", "password", "roles")));
    }

    @Test
    void disabledAccountCannotLogIn() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        mvc.perform(get("/api/me").with(writer.login())).andExpect(status().isOk());
        mvc.perform(patch("/api/admin/accounts/" + writer.id()).with(staff.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/me").with(writer.login())).andExpect(status().isUnauthorized());
    }

    @Test
    void roleChangeTakesEffectOnNextCall() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        mvc.perform(get("/api/admin/accounts").with(writer.login())).andExpect(status().isForbidden());
        mvc.perform(patch("/api/admin/accounts/" + writer.id()).with(staff.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"WRITER\",\"ADMIN\"]}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/admin/accounts").with(writer.login())).andExpect(status().isOk());
    }

    @Test
    void lastEnabledAdminCannotLoseAdminRole() throws Exception {
        Staff soleAdmin = staff.create(Role.ADMIN);
        List<String> others = JsonPath.read(mvc.perform(get("/api/admin/accounts").with(soleAdmin.login()))
                .andReturn().getResponse().getContentAsString(),
                "$[?(@.enabled == true && 'ADMIN' in @.roles && @.id != '%s')].id".formatted(soleAdmin.id()));
        try {
            for (String id : others) {
                mvc.perform(patch("/api/admin/accounts/" + id).with(soleAdmin.login())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}"))
                        .andExpect(status().isOk());
            }
            mvc.perform(patch("/api/admin/accounts/" + soleAdmin.id()).with(soleAdmin.login())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"WRITER\"]}"))
                    .andExpect(status().isConflict());
            mvc.perform(patch("/api/admin/accounts/" + soleAdmin.id()).with(soleAdmin.login())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}"))
                    .andExpect(status().isConflict());
        } finally {
            for (String id : others) {
                mvc.perform(patch("/api/admin/accounts/" + id).with(soleAdmin.login())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":true}"));
            }
        }
        mvc.perform(get("/api/me").with(staff.admin())).andExpect(status().isOk());
    }

    @Test
    void repeatedFailedLoginsThenThrottledWithRetryAfterEvenForTheRightPassword() throws Exception {
        Staff victim = staff.create(Role.EDITOR);
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/me").with(httpBasic(victim.member().username(), "guess-" + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/me").with(victim.login()))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        Staff bystander = staff.create(Role.EDITOR);
        mvc.perform(get("/api/me").with(bystander.login())).andExpect(status().isOk());
    }
}
