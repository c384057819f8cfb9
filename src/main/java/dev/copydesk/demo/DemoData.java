package dev.copydesk.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.copydesk.accounts.AccountDirectory;
import dev.copydesk.accounts.AccountDirectory.NewAccount;
import dev.copydesk.accounts.Role;
import dev.copydesk.accounts.StaffMember;
import dev.copydesk.articles.ArticleDesk;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.articles.ArticleViews.ArticleDraft;
import dev.copydesk.articles.ReviewDecision;
import dev.copydesk.comments.CommentIntake;
import dev.copydesk.comments.IntakeAnswer;
import dev.copydesk.comments.NewComment;
import dev.copydesk.moderation.Decision;
import dev.copydesk.moderation.ModerationDecisions;

/**
 * The {@code demo} profile: one account per role with documented passwords (README, "Try every flow"),
 * and a newsroom mid-morning: a live entertainment piece with reader comments (approved, held,
 * rejected, a reply), an article waiting for review, one sent back, one scheduled and a draft.
 * Runs once: when the account {@code writer} exists, it does nothing. Never active by default.
 */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner {

    static final String PASSWORD_SUFFIX = "-password";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** Documentation addresses (RFC 5737), one per demo reader, as if each wrote from home. */
    private static final String DEMO_NETWORK = "203.0.113.";

    private final AccountDirectory accounts;
    private final ArticleDesk desk;
    private final CommentIntake intake;
    private final ModerationDecisions decisions;
    private final Clock clock;

    DemoData(AccountDirectory accounts, ArticleDesk desk, CommentIntake intake, ModerationDecisions decisions,
            Clock clock) {
        this.accounts = accounts;
        this.desk = desk;
        this.intake = intake;
        this.decisions = decisions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.findStaffByUsername("writer").isPresent()) {
            return;
        }
        StaffMember writer = account("writer", "Wendy Writer", Role.WRITER);
        StaffMember reporter = account("reporter", "Rafael Reporter", Role.WRITER);
        StaffMember editor = account("editor", "Edith Editor", Role.EDITOR);
        StaffMember moderator = account("moderator", "Mo Moderator", Role.MODERATOR);
        account("chief", "Chiara Chief", Role.ADMIN);

        ArticleDetails live = submitted(writer, "Spoilers: more romance ahead for two detectives",
                "The showrunner confirms the slow burn finally catches fire in season three.",
                """
                The partners have circled each other for two seasons. In **season three** that changes.

                - the finale's cliffhanger is resolved in episode one
                - a new case takes them to the coast
                - *no*, the captain does not find out (yet)
                """, List.of("tv", "spoilers"));
        desk.decide(editor, live.id(), ReviewDecision.APPROVE, "Lovely piece.", null, null, live.version());

        String slug = live.slug();
        IntakeAnswer first = comment(slug, "Priya", "priya@example.org", "FINALLY. I have waited two seasons for this!", null);
        decisions.decide(first.id(), Decision.APPROVE, "OTHER", moderator.username());
        comment(slug, "Priya", "priya@example.org", "Also: the coast episodes were filmed in my home town.", null);
        IntakeAnswer sam = comment(slug, "Sam", "sam@example.org", "Not sure the romance helps the show, to be honest.", null);
        decisions.decide(sam.id(), Decision.APPROVE, "OTHER", moderator.username());
        comment(slug, "Priya", "priya@example.org", "It does, they earned it.", first.id());
        comment(slug, "Deals4U", "deals@example.net",
                "Watch free: http://spam.example/1 http://spam.example/2 http://spam.example/3", null);
        comment(slug, "Angry", "angry@example.net", "Whoever wrote this is an absolute wanker", null);

        submitted(reporter, "Ratings week: what the numbers say", "Streaming up, linear down, and a surprise.",
                "Numbers for the week, explained.", List.of("business"));
        ArticleDetails sentBack = submitted(reporter, "Opinion: the finale was rushed", "A dissenting view.",
                "It was rushed.", List.of("opinion"));
        desk.decide(editor, sentBack.id(), ReviewDecision.REQUEST_CHANGES, "Needs two concrete examples.", null, null,
                sentBack.version());
        ArticleDetails scheduled = submitted(writer, "Season three trailer drops Friday", "Embargoed until Friday.",
                "The trailer is out.", List.of("tv"));
        desk.decide(editor, scheduled.id(), ReviewDecision.APPROVE, "Hold for the embargo.",
                clock.instant().plus(Duration.ofDays(1)), null, scheduled.version());
        desk.create(writer, new ArticleDraft("Interview: the showrunner on season three", "Work in progress.",
                "Questions so far: ...", List.of("tv", "interview")));
        log.info("Demo data created: accounts writer, reporter, editor, moderator, chief (password: <name>{}); "
                + "see the README", PASSWORD_SUFFIX);
    }

    private StaffMember account(String username, String name, Role role) {
        accounts.create(new NewAccount(username, name, username + "@copydesk.example", username + PASSWORD_SUFFIX,
                EnumSet.of(role)));
        return accounts.findStaffByUsername(username).orElseThrow();
    }

    private ArticleDetails submitted(StaffMember author, String title, String summary, String body, List<String> tags) {
        ArticleDetails draft = desk.create(author, new ArticleDraft(title, summary, body, tags));
        return desk.submit(author, draft.id());
    }

    private IntakeAnswer comment(String slug, String name, String email, String body, String parentId) {
        String client = DEMO_NETWORK + (1 + Math.floorMod(email.hashCode(), 250));
        return intake.submit(slug, new NewComment(name, email, body, parentId, false), client, null);
    }
}
