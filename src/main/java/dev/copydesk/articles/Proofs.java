package dev.copydesk.articles;

import org.springframework.lang.Nullable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.accounts.StaffMember;
import dev.copydesk.articles.ArticleViews.RevisionDetails;

/**
 * What staff look at before a text goes anywhere: the proof (Markdown rendered exactly as the public
 * page will render it, by the same {@link BodyRenderer}) and the redline (one revision's text against
 * another's, line by line).
 */
@Component
public class Proofs {

    private final BodyRenderer renderer;
    private final ArticleDesk desk;

    Proofs(BodyRenderer renderer, ArticleDesk desk) {
        this.renderer = renderer;
        this.desk = desk;
    }

    /** The HTML the public would be served for this Markdown: CommonMark, then the allow-list cleaner. */
    public Proof proof(StaffMember me, String markdown) {
        ArticleDesk.requireStaffWhoWrite(me);
        return new Proof(renderer.render(markdown));
    }

    /**
     * The lines of revision {@code revisionId} against revision {@code againstId} of the same article,
     * or against nothing when {@code againstId} is null (a first submission: everything is added).
     * Whoever may read the article may read its redline.
     */
    @Transactional(readOnly = true)
    public Redline redline(StaffMember me, String articleId, String revisionId, String againstId) {
        RevisionDetails revision = desk.revision(me, articleId, revisionId);
        RevisionDetails against = againstId == null ? null : desk.revision(me, articleId, againstId);
        return Redline.between(against, revision);
    }

    public record Proof(String html) {
    }

    /** One line of a redline: {@code SAME} on both sides, {@code REMOVED} from the old, {@code ADDED} in the new. */
    public record Line(Change change, String text) {
    }

    public enum Change {
        SAME, REMOVED, ADDED
    }

    /** A redline of {@code revision} against {@code against} (null: none); {@code changed} counts removed and added lines. */
    public record Redline(String revisionId, @Nullable String againstId, int changed, List<Line> lines) {

        static Redline between(RevisionDetails against, RevisionDetails revision) {
            List<String> before = against == null ? List.of() : text(against);
            List<String> after = text(revision);
            List<Line> lines = lines(before, after);
            int changed = (int) lines.stream().filter(l -> l.change() != Change.SAME).count();
            return new Redline(revision.id(), against == null ? null : against.id(), changed, lines);
        }

        /** The text an editor compares: the fields a reader sees, then the body line by line. */
        private static List<String> text(RevisionDetails r) {
            List<String> lines = new ArrayList<>(List.of("Title: " + r.title(), "Summary: " + r.summary(),
                    "Tags: " + String.join(", ", r.tags()), ""));
            lines.addAll(Arrays.asList(r.body().split("\r\n|\r|\n", -1)));
            return lines;
        }

        static List<Line> lines(List<String> before, List<String> after) {
            Patch<String> patch = DiffUtils.diff(before, after);
            List<Line> lines = new ArrayList<>();
            int at = 0;
            for (AbstractDelta<String> delta : patch.getDeltas()) {
                int start = delta.getSource().getPosition();
                for (; at < start; at++) {
                    lines.add(new Line(Change.SAME, before.get(at)));
                }
                delta.getSource().getLines().forEach(l -> lines.add(new Line(Change.REMOVED, l)));
                delta.getTarget().getLines().forEach(l -> lines.add(new Line(Change.ADDED, l)));
                at = start + delta.getSource().size();
            }
            for (; at < before.size(); at++) {
                lines.add(new Line(Change.SAME, before.get(at)));
            }
            return lines;
        }
    }
}
