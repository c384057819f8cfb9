package dev.copydesk.sections.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.copydesk.sections.SectionView;
import dev.copydesk.sections.Sections;
import dev.copydesk.shared.ConflictException;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A web slice: the sections controller with the application's JSON, binding and problem advice,
 * and the module API ({@link Sections}) mocked, so no database and no engine start. What it
 * proves is the HTTP shape: status codes, bodies, every wrong field named, and that bad input
 * never reaches the module. Who may call what is proved on the real port
 * (AccessMatrixIntegrationTests, DeskAccessIntegrationTests), so the security filters are off here.
 */
@WebMvcTest(controllers = SectionController.class, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        // what the web layer's filters and error mapping need (package-private, so named by pattern)
        pattern = {"dev\\.copydesk\\.operations\\.DatabaseOutage", "dev\\.copydesk\\.shared\\.ProblemWriter"}))
@AutoConfigureMockMvc(addFilters = false)
class SectionControllerTests {

    @Autowired MockMvc mvc;
    @MockitoBean Sections sections;

    @Test
    void publicSectionsShowSlugAndNameOnlyOfActiveSections() throws Exception {
        given(sections.active()).willReturn(List.of(new SectionView("entertainment", "Entertainment", false, 3)));

        mvc.perform(get("/api/public/sections"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].slug").value("entertainment"))
                .andExpect(jsonPath("$[0].name").value("Entertainment"))
                .andExpect(jsonPath("$[0].version").doesNotExist())
                .andExpect(jsonPath("$[0].archived").doesNotExist());
    }

    @Test
    void createAnswers201WithALocationAndTheSection() throws Exception {
        given(sections.create("politics", "Politics")).willReturn(new SectionView("politics", "Politics", false, 0));

        mvc.perform(post("/api/admin/sections").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"slug\":\"politics\",\"name\":\"Politics\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/admin/sections/politics"))
                .andExpect(jsonPath("$.slug").value("politics"))
                .andExpect(jsonPath("$.archived").value(false));
    }

    @Test
    void createWithABadSlugAndNoNameNamesBothFieldsAndNeverReachesTheModule() throws Exception {
        mvc.perform(post("/api/admin/sections").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"slug\":\"Not A Slug\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("name", "slug")));
        verify(sections, never()).create(anyString(), anyString());
    }

    @Test
    void createWithAnUnknownFieldIsA400() throws Exception {
        mvc.perform(post("/api/admin/sections").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"slug\":\"sport\",\"name\":\"Sport\",\"owner\":\"me\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem("owner")));
        verify(sections, never()).create(anyString(), anyString());
    }

    @Test
    void changeWithoutAVersionIsA400AndAStaleVersionIsA409() throws Exception {
        mvc.perform(patch("/api/admin/sections/sport").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Sports\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("version")));
        verify(sections, never()).change(anyString(), anyString(), org.mockito.ArgumentMatchers.any(), anyLong());

        given(sections.change(eq("sport"), eq("Sports"), eq(null), eq(1L)))
                .willThrow(new ConflictException("The section was changed meanwhile", null, 2L));
        mvc.perform(patch("/api/admin/sections/sport").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Sports\",\"version\":1}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
