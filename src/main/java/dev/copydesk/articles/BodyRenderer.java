package dev.copydesk.articles;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Turns an article's Markdown into the HTML the public is served: CommonMark first, then jsoup's
 * allow-list cleaner, so raw HTML in the Markdown (scripts, event handlers, iframes, styles) and
 * {@code javascript:} or {@code data:} links never come through. Runs once, when a revision goes live.
 */
@Component
class BodyRenderer {

    // CommonMark passes raw HTML through by design; the cleaner below is what makes it safe. We
    // escape raw HTML as well, so a hostile body shows up as harmless text rather than vanishing.
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final Safelist safelist = Safelist.relaxed()
            .addTags("hr", "del", "s")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");
    private final Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);

    String render(String markdown) {
        String html = renderer.render(parser.parse(markdown == null ? "" : markdown));
        Document dirty = Jsoup.parseBodyFragment(html, "");
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings(output);
        return clean.body().html().strip();
    }
}
