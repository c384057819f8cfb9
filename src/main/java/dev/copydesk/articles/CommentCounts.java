package dev.copydesk.articles;

import java.util.Collection;
import java.util.Map;

/**
 * How many comments the public sees under each article. The comments module provides the bean;
 * until one exists every count is 0.
 */
public interface CommentCounts {

    /** Visible comments by article id; articles without comments may be left out. */
    Map<String, Long> countVisible(Collection<String> articleIds);
}
