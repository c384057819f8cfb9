package dev.copydesk.sections.web;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.copydesk.sections.SectionView;
import dev.copydesk.sections.Sections;
import dev.copydesk.shared.TextHygiene;

/**
 * Sections: the public and every staff member read them; administrators create, rename and archive
 * them ({@code /api/admin/**} URL rule).
 */
@RestController
@Tag(name = "sections")
class SectionController {

    private final Sections sections;

    SectionController(Sections sections) {
        this.sections = sections;
    }

    /** Sections that take articles, for readers' navigation. */
    @ApiResponse(responseCode = "200", description = "Sections that take articles, by slug", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "406", description = "The client accepts no JSON")
    @Operation(operationId = "listPublicSections", summary = "List the sections readers can browse",
            description = "No account needed. Sections that take articles (not archived), by slug.")
    @GetMapping("/api/public/sections")
    List<PublicSection> publicSections() {
        return sections.active().stream().map(s -> new PublicSection(s.slug(), s.name())).toList();
    }

    /** Every section, archived ones included, for staff pickers. */
    @Operation(operationId = "listSections", summary = "List every section",
            description = "Any staff login. Archived sections included, for pickers and filters.")
    @GetMapping("/api/sections")
    List<SectionView> all() {
        return sections.all();
    }

    @ApiResponse(responseCode = "201", description = "The section, created (Location names it)", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A section with this slug exists")
    @Operation(operationId = "createSection", summary = "Create a section",
            description = "ADMIN only. The slug never changes; the name can.")
    @PostMapping("/api/admin/sections")
    ResponseEntity<SectionView> create(@Valid @RequestBody CreateSectionRequest request) {
        SectionView created = sections.create(request.slug(), request.name());
        return ResponseEntity.created(URI.create("/api/admin/sections/" + created.slug())).body(created);
    }

    @ApiResponse(responseCode = "200", description = "The section as it is now", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The section changed since it was read (`currentVersion`), "
            + "or the default section cannot be archived")
    @Operation(operationId = "changeSection", summary = "Rename or archive a section",
            description = "ADMIN only. An archived section keeps its articles and takes no new ones.")
    @PatchMapping("/api/admin/sections/{slug}")
    SectionView change(@PathVariable String slug, @Valid @RequestBody ChangeSectionRequest request) {
        return sections.change(slug, request.name(), request.archived(), request.version());
    }

    record PublicSection(String slug, String name) {
    }

    record CreateSectionRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?",
                    message = "must be 1 to 40 lower-case letters, digits or '-'") String slug,
            @JsonDeserialize(using = TextHygiene.OneLine.class) @NotBlank @Size(max = 80) String name) {
    }

    /** {@code null} fields stay as they are; {@code version} is the one the caller read (409 when stale). */
    record ChangeSectionRequest(
            @JsonDeserialize(using = TextHygiene.OneLine.class) @Size(min = 1, max = 80) String name,
            Boolean archived,
            @NotNull Long version) {
    }
}
