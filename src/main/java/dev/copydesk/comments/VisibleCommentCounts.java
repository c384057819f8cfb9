package dev.copydesk.comments;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.articles.CommentCounts;

/**
 * {@code commentCount} on public article views: the approved, visible comments per article, counted
 * in one grouped query on the thread index ({@code article_id, visible, ...}).
 */
@Component
class VisibleCommentCounts implements CommentCounts {

    private final CommentRepository comments;

    VisibleCommentCounts(CommentRepository comments) {
        this.comments = comments;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> countVisible(Collection<String> articleIds) {
        Map<String, Long> counts = new HashMap<>();
        if (articleIds.isEmpty()) {
            return counts;
        }
        for (Object[] row : comments.countVisibleByArticle(Set.copyOf(articleIds))) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
