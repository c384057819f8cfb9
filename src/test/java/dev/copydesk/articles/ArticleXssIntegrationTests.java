package dev.copydesk.articles;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.articles.ArticleViews.ArticleDraft;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Hostile Markdown bodies are served inert on the public API: no scripts, handlers, script URLs or frames. */
@CopydeskIntegrationTest
class ArticleXssIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    ArticleDesk desk;

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "Hello <SCRIPT SRC=//evil.example/x.js></SCRIPT> world",
            "<img src=x onerror=alert(1)>",
            "![cat](https://example.org/cat.png \"x\" onerror=\"alert(1)\")",
            "![cat](x\" onerror=\"alert(1))",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](&#106;avascript:alert(1))",
            "[click](&#x6A;&#x61;vascript&#x3A;alert(1))",
            "[click](java&#x09;script:alert(1))",
            "<a href=\"javascript:alert(1)\">click</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<svg onload=alert(1)><circle/></svg>",
            "<div style=\"background:url(javascript:alert(1))\" onclick=\"alert(1)\">x</div>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "<<script>script>alert(1)<</script>/script>",
            "[x](vbscript:msgbox(1))",
            "<form action=\"https://evil.example\"><input name=p></form>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"
    })
    void hostileBodyIsServedInert(String hostile) throws Exception {
        String html = publish("Hostile body\n\n" + hostile + "\n\nand [a fine link](https://example.org/ok).");

        Element body = Jsoup.parseBodyFragment(html).body();
        assertThat(body.select("script, iframe, frame, object, embed, svg, math, form, input, style, link, meta, base"))
                .as(html).isEmpty();
        for (Element element : body.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as(html).doesNotStartWithIgnoringCase("on").isNotEqualTo("style");
                if (List.of("href", "src", "action", "formaction", "xlink:href").contains(attribute.getKey())) {
                    assertThat(attribute.getValue().strip().toLowerCase())
                            .as(html).matches("(https?://|mailto:).*");
                }
            }
        }
        assertThat(body.select("a[href=https://example.org/ok]")).as(html).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>"})
    void hostileMarkupShowsAsTextRatherThanMarkup(String hostile) throws Exception {
        String html = publish(hostile);
        assertThat(Jsoup.parseBodyFragment(html).body().text()).contains(hostile);
    }

    private String publish(String markdown) throws Exception {
        Staff writer = staff.create(Role.WRITER);
        ArticleDetails draft = desk.create(writer.member(), new ArticleDraft("Hostile", "s", markdown, List.of()));
        ArticleDetails inReview = desk.submit(writer.member(), draft.id());
        desk.decide(staff.create(Role.EDITOR).member(), draft.id(), ReviewDecision.APPROVE, null, null, null,
                inReview.version());
        String json = mvc.perform(get("/api/public/articles/" + draft.slug()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.bodyHtml");
    }
}
