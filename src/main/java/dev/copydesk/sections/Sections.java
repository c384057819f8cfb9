package dev.copydesk.sections;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.shared.ConflictException;
import dev.copydesk.shared.InvalidRequestException;
import dev.copydesk.shared.NotFoundException;
import dev.copydesk.shared.TextHygiene;

/**
 * The sections module's API: administrators create, rename and archive sections; the other modules
 * check that a section exists (role scopes, an article's section) and read names for their views.
 */
@Service
@Transactional(readOnly = true)
public class Sections {

    /** The section every article created before sections existed was put in (migration V8_1). */
    public static final String DEFAULT_SECTION = "news";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");

    private final SectionRepository sections;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Sections(SectionRepository sections, ApplicationEventPublisher events, Clock clock) {
        this.sections = sections;
        this.events = events;
        this.clock = clock;
    }

    /** Every section, archived ones included, by slug. */
    public List<SectionView> all() {
        return sections.findAllByOrderBySlugAsc().stream().map(Section::view).toList();
    }

    /** Sections that take articles, by slug. */
    public List<SectionView> active() {
        return all().stream().filter(s -> !s.archived()).toList();
    }

    public Optional<SectionView> find(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            return Optional.empty();
        }
        return sections.findById(slug).map(Section::view);
    }

    /** Display names by slug (archived included), for views. */
    public Map<String, String> names() {
        return sections.findAll().stream().collect(Collectors.toMap(Section::slug, Section::name));
    }

    /**
     * The section an article may be put in: it must exist and not be archived, else a 400 naming
     * {@code field}.
     */
    public SectionView requireActive(String field, String slug) {
        SectionView section = find(slug)
                .orElseThrow(() -> new InvalidRequestException(field, "names no section: " + slug));
        if (section.archived()) {
            throw new InvalidRequestException(field, "names an archived section: " + slug);
        }
        return section;
    }

    /** A new section; the slug must be free (409 otherwise). */
    @Transactional
    public SectionView create(String slug, String name) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new InvalidRequestException("slug", "must be 1 to 40 lower-case letters, digits or '-'");
        }
        String cleanName = name(name);
        if (sections.existsById(slug)) {
            throw new ConflictException("The section '" + slug + "' exists");
        }
        try {
            Section section = sections.saveAndFlush(new Section(slug, cleanName, Instant.now(clock)));
            events.publishEvent(new SectionChanged(slug));
            return section.view();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("The section '" + slug + "' exists");
        }
    }

    /**
     * Renames or archives (un-archives) a section; {@code null} leaves a value as it is. {@code version}
     * must be the one the caller read (409 otherwise). The default section cannot be archived.
     */
    @Transactional
    public SectionView change(String slug, String name, Boolean archived, long version) {
        Section section = find(slug).flatMap(s -> sections.findById(s.slug()))
                .orElseThrow(() -> new NotFoundException("Section", slug));
        if (section.version() != version) {
            throw new ConflictException("The section was changed meanwhile (version " + section.version()
                    + ", yours " + version + "); reload it and try again");
        }
        if (name != null) {
            section.rename(name(name));
        }
        if (archived != null) {
            if (archived && DEFAULT_SECTION.equals(slug)) {
                throw new ConflictException("The default section '" + DEFAULT_SECTION + "' cannot be archived");
            }
            section.changeArchived(archived);
        }
        Section saved = sections.saveAndFlush(section);
        events.publishEvent(new SectionChanged(slug));
        return saved.view();
    }

    private static String name(String given) {
        String cleaned = TextHygiene.oneLine("name", given);
        if (cleaned == null || cleaned.isBlank()) {
            throw new InvalidRequestException("name", "must not be blank");
        }
        cleaned = cleaned.strip();
        if (cleaned.length() > 80) {
            throw new InvalidRequestException("name", "must be at most 80 characters");
        }
        return cleaned;
    }

    /** Published when a section was created, renamed or (un)archived: public views show its name. */
    public record SectionChanged(String slug) {
    }
}
