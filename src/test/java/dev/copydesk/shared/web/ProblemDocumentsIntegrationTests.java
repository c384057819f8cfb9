package dev.copydesk.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bad input of every kind gets the right 4xx problem document, never a 500 or a stack trace. */
@CopydeskIntegrationTest
class ProblemDocumentsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffFixtures staff;

    private ResultActions postAccount(String json) throws Exception {
        return mvc.perform(post("/api/admin/accounts").with(staff.admin())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static void isProblem(ResultActions result, int status) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.type").value(containsString("https://copydesk.dev/problems/")))
                .andExpect(jsonPath("$.title").exists())
                .andExpect(jsonPath("$.detail").exists())
                .andExpect(jsonPath("$.requestId").exists())
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("at dev.copydesk"))));
    }

    @Test
    void malformedJsonThen400() throws Exception {
        ResultActions result = postAccount("{\"username\": \"x\", ");
        isProblem(result, 400);
        result.andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void missingBodyThen400() throws Exception {
        isProblem(mvc.perform(post("/api/admin/accounts").with(staff.admin()).contentType(MediaType.APPLICATION_JSON)), 400);
    }

    @Test
    void missingFieldsThen400NamingThem() throws Exception {
        ResultActions result = postAccount("{\"username\":\"someone\"}");
        isProblem(result, 400);
        result.andExpect(jsonPath("$.errors[*].field", hasItem("password")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("roles")));
    }

    @Test
    void wrongTypeThen400NamingTheField() throws Exception {
        ResultActions result = mvc.perform(patch("/api/admin/accounts/00000000-0000-0000-0000-000000000000")
                .with(staff.admin()).contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":{\"nested\":1}}"));
        isProblem(result, 400);
        result.andExpect(jsonPath("$.errors[0].field").value("enabled"));
    }

    @Test
    void unknownEnumValueThen400ListingTheAllowedOnes() throws Exception {
        ResultActions result = postAccount("""
                {"username":"enum.case","displayName":"E","email":"e@example.org","password":"0123456789","roles":["OWNER"]}""");
        isProblem(result, 400);
        result.andExpect(jsonPath("$.errors[0].field").value("roles[0]"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("WRITER")));
    }

    @Test
    void everyWrongFieldAtOnceInFieldPathOrderEveryTime() throws Exception {
        for (int call = 0; call < 2; call++) {
            ResultActions result = postAccount("{\"username\":\"x\",\"roles\":[\"KING\"]}");
            isProblem(result, 400);
            result.andExpect(jsonPath("$.errors.length()").value(5))
                    .andExpect(jsonPath("$.errors[0].field").value("displayName"))
                    .andExpect(jsonPath("$.errors[1].field").value("email"))
                    .andExpect(jsonPath("$.errors[2].field").value("password"))
                    .andExpect(jsonPath("$.errors[3].field").value("roles[0]"))
                    .andExpect(jsonPath("$.errors[3].message").value(containsString("EDITOR")))
                    .andExpect(jsonPath("$.errors[4].field").value("username"))
                    .andExpect(jsonPath("$.errors[4].message").value(containsString("lower-case")));
        }
    }

    @Test
    void wrongTypesAndUnknownFieldsReportedWithConstraintErrors() throws Exception {
        ResultActions result = mvc.perform(patch("/api/admin/accounts/00000000-0000-0000-0000-000000000000")
                .with(staff.admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\":\"short\",\"enabled\":\"maybe\",\"id\":{\"a\":1},\"roles\":7}"));
        isProblem(result, 400);
        result.andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[0].field").value("enabled"))
                .andExpect(jsonPath("$.errors[1].field").value("id"))
                .andExpect(jsonPath("$.errors[1].message").value("is not a known field"))
                .andExpect(jsonPath("$.errors[2].field").value("password"))
                .andExpect(jsonPath("$.errors[3].field").value("roles"));
    }

    @Test
    void unknownFieldThen400RatherThanSilentlyIgnored() throws Exception {
        ResultActions result = postAccount("""
                {"username":"mass.assign","displayName":"M","email":"m@example.org","password":"0123456789",
                 "roles":["WRITER"],"enabled":false,"id":"chosen-by-caller"}""");
        isProblem(result, 400);
    }

    @Test
    void hugeBodyThen413() throws Exception {
        String huge = "{\"displayName\":\"" + "x".repeat(300 * 1024) + "\"}";
        isProblem(mvc.perform(patch("/api/admin/accounts/00000000-0000-0000-0000-000000000000").with(staff.admin())
                .contentType(MediaType.APPLICATION_JSON).content(huge)), 413);
    }

    @Test
    void wrongContentTypeThen415() throws Exception {
        isProblem(mvc.perform(post("/api/admin/accounts").with(staff.admin())
                .contentType(MediaType.TEXT_PLAIN).content("hello")), 415);
    }

    @Test
    void encodedPathTraversalThen400FromTheFirewall() throws Exception {
        isProblem(mvc.perform(get("/api/admin/accounts/..%2F..%2Fetc%2Fpasswd").with(staff.admin())), 400);
    }

    @Test
    void junkIdThen404() throws Exception {
        isProblem(mvc.perform(get("/api/admin/accounts/' or 1=1 --").with(staff.admin())), 404);
        isProblem(mvc.perform(get("/api/admin/accounts/00000000-0000-0000-0000-000000000000").with(staff.admin())), 404);
    }

    @Test
    void dotDotSegmentsRejectedByTheFirewallThen400() throws Exception {
        isProblem(mvc.perform(get("/api/public/../admin/accounts")), 400);
    }

    @Test
    void unknownPathThenAProblemDocument() throws Exception {
        // Outside the API nothing is served to anyone: the security chain's last rule refuses it.
        isProblem(mvc.perform(get("/no/such/page")), 401);
        isProblem(mvc.perform(get("/no/such/page").with(staff.admin())), 403);
        // Inside the API, a caller allowed there learns only that nothing is at the address.
        isProblem(mvc.perform(get("/api/admin/no-such-thing").with(staff.admin())), 404);
    }

    @Test
    void wrongMethodThen405WithAllow() throws Exception {
        ResultActions result = mvc.perform(delete("/api/me").with(staff.admin()));
        isProblem(result, 405);
        result.andExpect(header().exists("Allow"));
    }
}
