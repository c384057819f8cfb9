package dev.copydesk.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.copydesk.accounts.Role;
import dev.copydesk.accounts.StaffMember;
import dev.copydesk.shared.TooManyRequestsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventAudienceTests {

    private static StaffMember member(String id, Role... roles) {
        return new StaffMember(id, id, id, id + "@example.org", Set.of(roles));
    }

    private static PublishedEvent event(String type, Map<String, Object> data) {
        return new PublishedEvent(1, "e-1", type, Instant.parse("2030-01-01T00:00:00Z"), data);
    }

    @Test
    void writerSeesTheirOwnArticlesEventsOnly() {
        EventAudience writer = EventAudience.staff(member("w-1", Role.WRITER));

        assertThat(writer.view(event("article.approved", Map.of("authorId", "w-1")))).isPresent();
        assertThat(writer.view(event("article.approved", Map.of("authorId", "w-2")))).isEmpty();
        assertThat(writer.view(event("comment.approved", Map.of("authorId", "w-1")))).isEmpty();
    }

    @Test
    void moderatorSeesCommentEventsAndNoArticleEvents() {
        EventAudience moderator = EventAudience.staff(member("m-1", Role.MODERATOR));

        assertThat(moderator.view(event("comment.queue_overdue", Map.of()))).isPresent();
        assertThat(moderator.view(event("article.submitted", Map.of("authorId", "m-1")))).isEmpty();
    }

    @Test
    void editorSeesArticleEventsAndAdminSeesEverything() {
        assertThat(EventAudience.staff(member("e-1", Role.EDITOR)).view(event("article.submitted", Map.of()))).isPresent();
        assertThat(EventAudience.staff(member("e-1", Role.EDITOR)).view(event("comment.held", Map.of()))).isEmpty();
        assertThat(EventAudience.staff(member("a-1", Role.ADMIN)).view(event("comment.held", Map.of()))).isPresent();
        assertThat(EventAudience.staff(member("n-1")).view(event("article.submitted", Map.of()))).isEmpty();
    }

    @Test
    void sectionStaffSeeTheirSectionsEventsOnly() {
        StaffMember both = new StaffMember("s-1", "s-1", "s-1", "s-1@example.org", Set.of(Role.EDITOR, Role.MODERATOR),
                Map.of(Role.EDITOR, Set.of("sport"), Role.MODERATOR, Set.of("politics")));
        EventAudience audience = EventAudience.staff(both);

        assertThat(audience.view(event("article.submitted", Map.of("section", "sport")))).isPresent();
        assertThat(audience.view(event("article.submitted", Map.of("section", "politics")))).isEmpty();
        assertThat(audience.view(event("comment.held", Map.of("section", "politics")))).isPresent();
        assertThat(audience.view(event("comment.held", Map.of("section", "sport")))).isEmpty();
        // journaled before sections: the default section's, which this member does not work on
        assertThat(audience.view(event("comment.held", Map.of()))).isEmpty();
        assertThat(EventAudience.staff(member("m-2", Role.MODERATOR)).view(event("comment.held",
                Map.of("section", "politics")))).isPresent();
    }

    @Test
    void publicAudienceGetsOnlyPublicFieldsOfItsArticle() {
        EventAudience reader = EventAudience.publicArticle("budget");

        assertThat(reader.view(event("article.published", Map.of("slug", "budget", "title", "Budget",
                "authorId", "w-1", "note", "internal")))).hasValue(Map.of("slug", "budget", "title", "Budget"));
        assertThat(reader.view(event("comment.approved", Map.of("articleSlug", "budget", "commentId", "c-1",
                "authorEmail", "x@example.net")))).hasValue(Map.of("articleSlug", "budget", "commentId", "c-1"));
        assertThat(reader.view(event("article.published", Map.of("slug", "other")))).isEmpty();
        assertThat(reader.view(event("article.approved", Map.of("slug", "budget")))).isEmpty();
        assertThat(reader.view(event("comment.held", Map.of("articleSlug", "budget")))).isEmpty();
    }

    @Test
    void publicStreamsBeyondTheirBudgetAreRefusedWhileStaffStreamsStillOpen() {
        LiveEvents live = new LiveEvents(null, new LiveEventSettings(1000, Duration.ofHours(24), Duration.ofSeconds(15),
                2, 4, 1, 8, Duration.ofMinutes(30)), new ObjectMapper(), null, Runnable::run);
        EventAudience anyone = EventAudience.publicArticle("budget");

        live.subscribe(anyone, null, LiveEvents.Budget.PUBLIC, "203.0.113.1");
        live.subscribe(anyone, null, LiveEvents.Budget.PUBLIC, "203.0.113.2");

        assertThat(live.subscriberCount()).isEqualTo(2);
        assertThatThrownBy(() -> live.subscribe(anyone, null, LiveEvents.Budget.PUBLIC, "203.0.113.3"))
                .isInstanceOf(LiveEvents.StreamsExhaustedException.class);
        live.subscribe(anyone, null, LiveEvents.Budget.STAFF, "staff:1");
        assertThat(live.subscriberCount(LiveEvents.Budget.STAFF)).isEqualTo(1);
        assertThatThrownBy(() -> live.subscribe(anyone, null, LiveEvents.Budget.STAFF, "staff:2"))
                .isInstanceOf(LiveEvents.StreamsExhaustedException.class);
    }

    @Test
    void oneClientBeyondItsCapGetsTooManyRequestsWhileOthersStillOpen() {
        LiveEvents live = new LiveEvents(null, new LiveEventSettings(1000, Duration.ofHours(24), Duration.ofSeconds(15),
                100, 2, 10, 1, Duration.ofMinutes(30)), new ObjectMapper(), null, Runnable::run);
        EventAudience anyone = EventAudience.publicArticle("budget");

        live.subscribe(anyone, null, LiveEvents.Budget.PUBLIC, "public:203.0.113.1");
        live.subscribe(anyone, null, LiveEvents.Budget.PUBLIC, "public:203.0.113.1");

        assertThatThrownBy(() -> live.subscribe(anyone, null, LiveEvents.Budget.PUBLIC, "public:203.0.113.1"))
                .isInstanceOf(TooManyRequestsException.class);
        live.subscribe(anyone, null, LiveEvents.Budget.PUBLIC, "public:203.0.113.2");
        live.subscribe(anyone, null, LiveEvents.Budget.STAFF, "staff:1");
        assertThatThrownBy(() -> live.subscribe(anyone, null, LiveEvents.Budget.STAFF, "staff:1"))
                .isInstanceOf(TooManyRequestsException.class);
        assertThat(live.subscriberCount()).isEqualTo(4);
    }

    @Test
    void retryDelayGrowsFourfoldUpToTheCap() {
        WebhookSettings settings = new WebhookSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 6,
                Duration.ofSeconds(10), Duration.ofHours(1));

        assertThat(settings.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.delayAfter(2)).isEqualTo(Duration.ofSeconds(40));
        assertThat(settings.delayAfter(3)).isEqualTo(Duration.ofSeconds(160));
        assertThat(settings.delayAfter(5)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(settings.delayAfter(6)).isEqualTo(Duration.ofHours(1));
    }
}
