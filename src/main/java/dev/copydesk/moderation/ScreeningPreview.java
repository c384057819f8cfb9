package dev.copydesk.moderation;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.articles.CommentPremoderation;
import dev.copydesk.comments.CommentAuthors;
import dev.copydesk.comments.CommentDesk;
import dev.copydesk.comments.CommentReason;

/**
 * What the current policy would do with a comment, without storing anything: the rules of the
 * current settings (or of word lists an admin is trying before saving them) and the real DMN table.
 * With an author email, the author's ban and record count; a preview is never a duplicate, never
 * pre-moderated by an article, and never sent to the external endpoint.
 */
@Service
public class ScreeningPreview {

    private final ModerationSettingsStore settings;
    private final Bans bans;
    private final CommentDesk comments;
    private final ScreeningPolicy policy;

    ScreeningPreview(ModerationSettingsStore settings, Bans bans, CommentDesk comments, ScreeningPolicy policy) {
        this.settings = settings;
        this.bans = bans;
        this.comments = comments;
        this.policy = policy;
    }

    /**
     * @param body         the comment text
     * @param authorEmail  the author, or null for a first-time author without a ban
     * @param bannedWords  banned words to try instead of the saved ones, or null
     * @param suspectWords suspect words to try instead of the saved ones, or null
     */
    @Transactional(readOnly = true)
    public Preview preview(String body, String authorEmail, List<String> bannedWords, List<String> suspectWords) {
        CompiledSettings compiled = settings.compiled();
        if (bannedWords != null || suspectWords != null) {
            ModerationSettings s = compiled.settings();
            ModerationSettingsStore.checkWords("bannedWords", bannedWords == null ? s.bannedWords() : bannedWords);
            ModerationSettingsStore.checkWords("suspectWords", suspectWords == null ? s.suspectWords() : suspectWords);
            compiled = CompiledSettings.of(new ModerationSettings(bannedWords == null ? s.bannedWords() : bannedWords,
                    suspectWords == null ? s.suspectWords() : suspectWords, s.maxLinks(), s.premoderation(),
                    s.trustAfterApproved(), s.flagThreshold(), s.commentsPerMinute(), s.queueSla(), s.rules(),
                    s.shoutingMinLetters(), s.external()));
        }
        String ban = null;
        long approved = 0;
        if (authorEmail != null && !authorEmail.isBlank()) {
            String key = CommentAuthors.keyOf(authorEmail);
            ban = compiled.enabled(ScreeningCode.BANNED_AUTHOR) ? bans.activeBan(key).orElse(null) : null;
            CommentDesk.AuthorRecord record = comments.authorRecords(List.of(key)).get(key);
            approved = record == null ? 0 : record.approved();
        }
        ScreeningInput input = ScreeningInput.of(body, approved, null, ban, CommentPremoderation.INHERIT);
        List<CommentReason> reasons = Screening.evaluate(input, compiled);
        return new Preview(policy.decide(new ScreeningResult(reasons, null)), reasons, input.tokens().reading());
    }

    /**
     * @param outcome        APPROVE, HOLD or REJECT
     * @param reasons        every reason with its detail, in rule order
     * @param normalisedText the text as word matching reads it (lower case, look-alikes resolved, invisible characters dropped)
     */
    public record Preview(String outcome, List<CommentReason> reasons, String normalisedText) {
    }
}
