package dev.copydesk.moderation;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.copydesk.articles.CommentPremoderation;
import dev.copydesk.comments.CommentReason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screening policy end to end on realistic comments, with the default settings: the rules find
 * the facts and the real DMN table ({@code processes/comment-screening.dmn}, run by the DMN engine)
 * decides. Columns: expected outcome | expected reasons (CODE or CODE:part-of-detail, in rule order) |
 * context (trusted author unless: new, banned, dup, premod-article, premod-site, premod-site-article-none) | body.
 */
class ScreeningTableTests {

    static DmnEngine dmn;
    static DmnDecision policy;
    static CompiledSettings defaults = CompiledSettings.of(ModerationSettings.defaults());

    @BeforeAll
    static void parsePolicy() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = ScreeningTableTests.class.getResourceAsStream("/comment-screening.dmn")) {
            policy = dmn.parseDecision("comment-screening", in);
        }
    }

    @ParameterizedTest(name = "{0} {1} [{2}] {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # fan replies about "spoilers: more romance ahead for two detectives"
            APPROVE |                              | -   | Loved the spoilers: more romance ahead for two detectives, finally!
            APPROVE |                              | -   | I knew Harper and Quinn would end up together. Season three can't come soon enough.
            APPROVE |                              | -   | The slow burn between the two detectives is the best part of the show.
            APPROVE |                              | -   | Anyone else rewatching the pilot after reading this? The hints were there all along.
            APPROVE |                              | -   | Classic enemies-to-lovers arc, and I am here for it.
            APPROVE |                              | -   | The assassin subplot felt rushed, but the romance makes up for it.
            APPROVE |                              | -   | My therapist says I am too invested in fictional detectives. She is right.
            APPROVE |                              | -   | Filmed near Scunthorpe? The pier scene looked like the Lincolnshire coast.
            APPROVE |                              | -   | Is the actor who plays Quinn from Penistone? Great accent.
            APPROVE |                              | -   | I passed the whole weekend bingeing season two; the bass line in the theme is stuck in my head.
            APPROVE |                              | -   | We need to assess whether the writers can keep this up without a cliffhanger every week.
            APPROVE |                              | -   | They shot the village scenes in Shitterton, Dorset, of all places.
            APPROVE |                              | -   | As I said last week, the chemistry is undeniable.
            APPROVE |                              | -   | Arsenal fan here, but the detectives are my new favourite team.
            APPROVE |                              | -   | Great piece! See the trailer at https://example.org/trailer
            APPROVE |                              | -   | Two links are fine: https://a.example.com and www.example.net/page
            APPROVE |                              | -   | OMG yes!!! Finally!
            APPROVE |                              | -   | NASA and the BBC both covered the premiere, which is unusual for a TV show.
            APPROVE |                              | -   | Crème brûlée scene in episode four: délicieux.
            APPROVE |                              | -   | The crappie fishing episode was my favourite.
            APPROVE |                              | -   | Glasses, passes, classes: the costume department nailed the 70s look.
            APPROVE |                              | -   | Hell of a finale. Damn good writing.
            APPROVE |                              | -   | I'd kill for a spin-off about the coroner.
            APPROVE |                              | -   | The oxymoron of a 'friendly rival' sums up their relationship.
            APPROVE |                              | -   | Shiitake risotto on the stakeout, such a cute detail.
            APPROVE |                              | -   | Dickens would have loved this plot.
            APPROVE |                              | -   | Title IX and the 1990s setting: 100% accurate, I checked.
            APPROVE |                              | -   | Assassin's Creed vibes in the rooftop chase.
            APPROVE |                              | -   | Pass the popcorn, Cass!
            APPROVE |                              | -   | The scene at the Cockermouth pub was filmed on location.
            APPROVE |                              | -   | Bass-heavy soundtrack, loved it.
            APPROVE |                              | -   | Visit my blog http://myblog.example.com for more fan theories.
            APPROVE |                              | -   | Cryptography nerds will love the cipher in episode five.
            # spam with links
            HOLD    | TOO_MANY_LINKS:3 links                 | -   | Cheap followers at http://spam.example.com http://spam2.example.com http://spam3.example.com
            HOLD    | TOO_MANY_LINKS:3 links                 | -   | Buy now: cheap-pills.shop, pills4u.top, meds.xyz and more
            HOLD    | SUSPECT_WORD:work from home            | -   | Earn $5000 a week, work from home! Details: www.easy-money.example.com
            HOLD    | SUSPECT_WORD:casino TOO_MANY_LINKS:4 links | - | Best casino bonuses: https://casino.example.com https://slots.example.com https://bet.example.com https://poker.example.com
            HOLD    | SUSPECT_WORD:viagra, casino, click here | - | V1agra and c4sino deals, click here
            HOLD    | SUSPECT_WORD:crypto                    | -   | Crypto giveaway!!! Send 1 BTC, get 2 back
            # abuse, obfuscated
            REJECT  | BANNED_WORD:fuck SUSPECT_WORD:idiot    | -   | You are a f.u.c.k.i.n.g idiot
            REJECT  | BANNED_WORD:fuck                       | -   | Fuuuuck this show
            REJECT  | BANNED_WORD:fuck                       | -   | F U C K the writers
            REJECT  | BANNED_WORD:cunt                       | -   | what a c u n t of a villain
            REJECT  | BANNED_WORD:fuck                       | -   | Fück off, writers
            REJECT  | BANNED_WORD:twat                       | -   | The writer is a tw@t
            REJECT  | BANNED_WORD:kill yourself              | -   | Go k1ll yourself
            REJECT  | BANNED_WORD:wanker                     | -   | wankers, all of you
            REJECT  | BANNED_WORD:motherfucker               | -   | MOTHERFUCKER
            HOLD    | SUSPECT_WORD:moron                     | -   | What a m0r0n
            HOLD    | SUSPECT_WORD:shit                      | -   | sh!t writing this week
            HOLD    | SUSPECT_WORD:stupid                    | -   | $tupid ending
            HOLD    | SUSPECT_WORD:ass                       | -   | Only an a$$ would skip the finale
            HOLD    | SUSPECT_WORD:bitch                     | -   | What a b-i-t-c-h move by the captain
            HOLD    | SUSPECT_WORD:idiot                     | -   | Idiots! Idiots everywhere!
            HOLD    | SUSPECT_WORD:shit                      | -   | shiiiit, that twist
            HOLD    | SUSPECT_WORD:idiot                     | -   | Îdîôt writers
            # disguises (issue 13): the detail says what was seen
            REJECT  | BANNED_WORD:`f*ck` reads as fuck    | -   | What the f*ck was that
            REJECT  | BANNED_WORD:`fvck` reads as fuck    | -   | fvck the writers
            REJECT  | BANNED_WORD:`clusterfuck` reads as fuck | - | What a clusterfuck of an episode
            REJECT  | BANNED_WORD:`fu ck` reads as fuck   | -   | fu ck this
            REJECT  | BANNED_WORD:fuck SUSPECT_WORD:idiot DISGUISED_TEXT:mixes Latin and Cyrillic | - | fuсk this idiоt
            HOLD    | SUSPECT_WORD:`bullshit` reads as shit | - | This is bullshit
            HOLD    | SUSPECT_WORD:`dumbass` reads as ass  | -   | dumbass writers
            HOLD    | DISGUISED_TEXT:`f***` may read as fuck | - | Shut the f*** up
            HOLD    | DISGUISED_TEXT:`b****cks` is masked | -   | Total b****cks
            HOLD    | DISGUISED_TEXT:is a disguised link  | -   | Free streams at freetv(dot)com
            HOLD    | DISGUISED_TEXT TOO_MANY_LINKS:3 links | - | Visit a-site[.]com, b-site[.]com and c-site[.]com
            APPROVE |                                     | -   | This was *really* good, *sigh*, and the **finale** even better
            APPROVE |                                     | -   | Five stars* (*from a sceptic)
            # ambiguous entries (?dick): hold, don't reject; names pass
            HOLD    | HELD_WORD:hold, don't reject        | -   | You are such a dick
            APPROVE |                                     | -   | Dick Wolf would have made three spin-offs of this
            APPROVE |                                     | -   | Very Philip K. Dick, the memory twist
            APPROVE |                                     | -   | It reads like Moby-Dick
            REJECT  | BANNED_WORD:dickhead                | -   | What a dickhead
            # shouting
            HOLD    | SHOUTING:capitals                      | -   | THIS IS THE BEST EPISODE EVER MADE AND NOBODY CAN TELL ME OTHERWISE
            HOLD    | SHOUTING                               | -   | WHY DID THEY KILL OFF THE CORONER??? UNACCEPTABLE
            HOLD    | SUSPECT_WORD:moron SHOUTING            | -   | STOP SHOUTING AT ME, YOU MORON
            # the author and the article
            HOLD    | FIRST_COMMENT:0 approved               | new | First time commenting, long-time viewer.
            REJECT  | BANNED_WORD:fuck FIRST_COMMENT         | new | fuck this
            REJECT  | BANNED_AUTHOR:banned                   | banned | Lovely episode
            REJECT  | DUPLICATE:earlier-1                    | dup | Lovely episode
            HOLD    | PREMODERATION:article                  | premod-article | Nice one
            HOLD    | PREMODERATION:site                     | premod-site | Nice one
            APPROVE |                                        | premod-site-article-none | Nice one
            HOLD    | SUSPECT_WORD:click here TOO_MANY_LINKS FIRST_COMMENT | new | Click here: http://a.example.com http://b.example.com http://c.example.com
            """)
    void screensRealisticComments(String outcome, String reasons, String context, String body) {
        ModerationSettings base = ModerationSettings.defaults();
        CompiledSettings settings = context.startsWith("premod-site") ? CompiledSettings.of(new ModerationSettings(
                base.bannedWords(), base.suspectWords(), base.maxLinks(), true, base.trustAfterApproved(),
                base.flagThreshold(), base.commentsPerMinute(), base.queueSla(), base.rules(),
                base.shoutingMinLetters(), base.external())) : defaults;
        ScreeningInput input = ScreeningInput.of(body,
                context.equals("new") ? 0 : 3,
                context.equals("dup") ? "earlier-1" : null,
                context.equals("banned") ? "banned: spam" : null,
                switch (context) {
                    case "premod-article" -> CommentPremoderation.ALL;
                    case "premod-site-article-none" -> CommentPremoderation.NONE;
                    default -> CommentPremoderation.INHERIT;
                });

        List<CommentReason> found = Screening.evaluate(input, settings);

        List<String> expected = reasons == null ? List.of() : Arrays.asList(reasons.trim().split(" (?=[A-Z_]+(:|$| ))"));
        assertThat(found).extracting(CommentReason::code)
                .containsExactlyElementsOf(expected.stream().map(e -> e.split(":")[0]).toList());
        for (int i = 0; i < expected.size(); i++) {
            String[] parts = expected.get(i).split(":", 2);
            if (parts.length == 2) {
                assertThat(found.get(i).detail()).contains(parts[1].trim());
            }
        }
        assertThat(decide(new ScreeningResult(found, null).decisionInputs())).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "external {0} with suspect word {1} -> {2}")
    @CsvSource(textBlock = """
            NONE,   false, APPROVE
            ALLOW,  false, APPROVE
            HOLD,   false, HOLD
            FAILED, false, HOLD
            REJECT, false, REJECT
            REJECT, true,  REJECT
            ALLOW,  true,  HOLD
            """)
    void externalVerdictIsNeverAnAutomaticApprovalWhenItFails(String verdict, boolean suspect, String outcome) {
        List<CommentReason> reasons = suspect ? List.of(new CommentReason("SUSPECT_WORD", "idiot")) : List.of();
        assertThat(decide(new ScreeningResult(reasons, verdict).decisionInputs())).isEqualTo(outcome);
    }

    static String decide(Map<String, Object> facts) {
        return dmn.evaluateDecisionTable(policy, facts).getSingleResult().getSingleEntry();
    }
}
