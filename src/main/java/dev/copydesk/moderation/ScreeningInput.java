package dev.copydesk.moderation;

import dev.copydesk.articles.CommentPremoderation;

/**
 * What the rules look at for one comment; the text is cut into tokens once for all word rules.
 *
 * @param approvedByAuthor how many of the author's comments were approved before
 * @param duplicateOf      an earlier comment of the author with the same body within a day, or null
 * @param activeBan        a description of the author's ban in force, or null
 */
record ScreeningInput(String body, TextTokens tokens, long approvedByAuthor, String duplicateOf, String activeBan,
        CommentPremoderation articlePremoderation) {

    static ScreeningInput of(String body, long approvedByAuthor, String duplicateOf, String activeBan,
            CommentPremoderation articlePremoderation) {
        return new ScreeningInput(body, TextTokens.of(body), approvedByAuthor, duplicateOf, activeBan,
                articlePremoderation);
    }
}
