package dev.copydesk.moderation;

import dev.copydesk.articles.CommentPremoderation;

/**
 * What the rules look at for one comment; the text is read once for all word rules, and its links
 * found once for the link rules.
 *
 * @param approvedByAuthor how many of the author's comments were approved before
 * @param duplicateOf      an earlier comment of the author with the same body within a day, or null
 * @param activeBan        a description of the author's ban in force, or null
 */
record ScreeningInput(String body, TextTokens tokens, Links.Scan links, long approvedByAuthor, String duplicateOf,
        String activeBan, CommentPremoderation articlePremoderation) {

    static ScreeningInput of(String body, long approvedByAuthor, String duplicateOf, String activeBan,
            CommentPremoderation articlePremoderation) {
        return new ScreeningInput(body, TextTokens.of(body), Links.scan(body), approvedByAuthor, duplicateOf, activeBan,
                articlePremoderation);
    }
}
