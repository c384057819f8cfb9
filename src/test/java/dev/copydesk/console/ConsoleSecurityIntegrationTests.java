package dev.copydesk.console;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.copydesk.accounts.Role;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's session login beside the stateless API: a session needs the CSRF token on unsafe
 * calls, HTTP Basic needs none and never gets a session, and each allow has its deny.
 */
@CopydeskIntegrationTest
class ConsoleSecurityIntegrationTests {

    private static final String ARTICLE = """
            {"title":"Console security","summary":"s","body":"b","tags":["news"]}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffFixtures staff;

    /** A logged-in console: its session and the CSRF cookie its pages were served with. */
    record Console(MockHttpSession session, Cookie csrf) {
        String token() {
            return csrf.getValue();
        }
    }

    private Console login(Staff who) throws Exception {
        Cookie csrf = mvc.perform(get("/console/login")).andExpect(status().isOk())
                .andReturn().getResponse().getCookie("XSRF-TOKEN");
        MvcResult login = mvc.perform(post("/console/login").cookie(csrf)
                        .param("username", who.member().username()).param("password", StaffFixtures.PASSWORD)
                        .param("_csrf", csrf.getValue()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/console/"))
                .andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        // Logging in replaces the token; the console page hands out the new one.
        Cookie fresh = mvc.perform(get("/console/").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getCookie("XSRF-TOKEN");
        assertThat(fresh).isNotNull();
        assertThat(fresh.isHttpOnly()).as("the page's script must read it").isFalse();
        return new Console(session, fresh);
    }

    @Test
    void basicPostWithoutCsrfTokenIsAccepted() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        mvc.perform(post("/api/articles").with(writer.login()).contentType(MediaType.APPLICATION_JSON).content(ARTICLE))
                .andExpect(status().isCreated());
    }

    @Test
    void basicCallCreatesNoSessionAndNoCsrfCookie() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        MvcResult result = mvc.perform(get("/api/me").with(writer.login())).andExpect(status().isOk()).andReturn();
        assertThat(result.getRequest().getSession(false)).isNull();
        assertThat(result.getResponse().getCookies()).isEmpty();
        assertThat(result.getResponse().getHeaders("Set-Cookie")).isEmpty();

        MvcResult posted = mvc.perform(post("/api/articles").with(writer.login())
                .contentType(MediaType.APPLICATION_JSON).content(ARTICLE)).andExpect(status().isCreated()).andReturn();
        assertThat(posted.getRequest().getSession(false)).isNull();
    }

    @Test
    void sessionPostWithoutCsrfHeaderIsForbidden() throws Exception {
        Console console = login(staff.create(Role.WRITER));
        mvc.perform(post("/api/articles").session(console.session()).cookie(console.csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(ARTICLE))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void sessionPostWithAWrongCsrfHeaderIsForbidden() throws Exception {
        Console console = login(staff.create(Role.WRITER));
        mvc.perform(post("/api/articles").session(console.session()).cookie(console.csrf())
                        .header("X-XSRF-TOKEN", "forged").contentType(MediaType.APPLICATION_JSON).content(ARTICLE))
                .andExpect(status().isForbidden());
    }

    @Test
    void sessionPostWithCsrfHeaderIsAccepted() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        Console console = login(writer);
        mvc.perform(post("/api/articles").session(console.session()).cookie(console.csrf())
                        .header("X-XSRF-TOKEN", console.token()).contentType(MediaType.APPLICATION_JSON).content(ARTICLE))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.authorId").value(writer.id()));
    }

    @Test
    void sessionGetNeedsNoCsrfToken() throws Exception {
        Staff moderator = staff.create(Role.MODERATOR);
        Console console = login(moderator);
        mvc.perform(get("/api/me").session(console.session()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(moderator.member().username()));
    }

    @Test
    void sessionKeepsTheRoleRulesOfTheApi() throws Exception {
        Console writer = login(staff.create(Role.WRITER));
        mvc.perform(get("/api/admin/accounts").session(writer.session())).andExpect(status().isForbidden());
        Console admin = login(staff.create(Role.ADMIN));
        mvc.perform(get("/api/admin/accounts").session(admin.session())).andExpect(status().isOk());
    }

    @Test
    void anonymousPostWithoutSessionGetsUnauthorizedNotACsrfRefusal() throws Exception {
        mvc.perform(post("/api/articles").contentType(MediaType.APPLICATION_JSON).content(ARTICLE))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"));
    }

    @Test
    void consoleScriptGetsUnauthorizedWithoutABasicChallenge() throws Exception {
        mvc.perform(get("/api/me").header("X-Requested-With", "XMLHttpRequest"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"));
    }

    @Test
    void consolePageRedirectsAnonymousToLogin() throws Exception {
        mvc.perform(get("/console/")).andExpect(status().isFound())
                .andExpect(redirectedUrl("http://localhost/console/login"));
        mvc.perform(get("/console/index.html")).andExpect(status().isFound());
    }

    @Test
    void loginPageAndItsAssetsArePublic() throws Exception {
        mvc.perform(get("/console/login")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")));
        mvc.perform(get("/console/console.css")).andExpect(status().isOk());
        mvc.perform(get("/console/js/login.js")).andExpect(status().isOk());
        mvc.perform(get("/console/js/api.js")).andExpect(status().isOk());
    }

    @Test
    void loginWithoutCsrfTokenIsRefused() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        mvc.perform(post("/console/login").param("username", writer.member().username())
                        .param("password", StaffFixtures.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void loginWithAWrongPasswordStaysOnTheLoginPage() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        Cookie csrf = mvc.perform(get("/console/login")).andReturn().getResponse().getCookie("XSRF-TOKEN");
        MvcResult result = mvc.perform(post("/console/login").cookie(csrf).param("_csrf", csrf.getValue())
                        .param("username", writer.member().username()).param("password", "not-the-password"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/console/login?error=bad")).andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        if (session != null) {
            mvc.perform(get("/api/me").session(session)).andExpect(status().isUnauthorized());
        }
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        Console console = login(staff.create(Role.EDITOR));
        mvc.perform(get("/api/me").session(console.session())).andExpect(status().isOk());
        mvc.perform(post("/console/logout").session(console.session()).cookie(console.csrf())
                        .param("_csrf", console.token()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/console/login?logout"));
        mvc.perform(get("/api/me").session(console.session())).andExpect(status().isUnauthorized());
    }

    @Test
    void consoleWithoutSlashRedirectsToTheApp() throws Exception {
        Console console = login(staff.create(Role.WRITER));
        mvc.perform(get("/console").session(console.session()))
                .andExpect(status().isMovedPermanently()).andExpect(redirectedUrl("/console/"));
    }
}
