package dev.copydesk.accounts;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Which unsafe requests count as cross-site, with and without a proxy in front. */
class CrossSiteRequestGuardTests {

    private final CrossSiteRequestGuard guard = new CrossSiteRequestGuard(Set.of("https://www.newsroom.example"), null);

    private static MockHttpServletRequest post(String scheme, String serverName, int serverPort, String host) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/articles");
        request.setScheme(scheme);
        request.setServerName(serverName);
        request.setServerPort(serverPort);
        if (host != null) {
            request.addHeader("Host", host);
        }
        return request;
    }

    @Test
    void noOriginAndNoFetchMetadataIsNotCrossSite() {
        assertThat(guard.crossSite(post("http", "localhost", 8080, "localhost:8080"))).isFalse();
    }

    @Test
    void ownOriginIsNotCrossSiteAndAnotherOriginIs() {
        MockHttpServletRequest own = post("http", "localhost", 8080, "localhost:8080");
        own.addHeader("Origin", "http://LOCALHOST:8080");
        MockHttpServletRequest other = post("http", "localhost", 8080, "localhost:8080");
        other.addHeader("Origin", "https://evil.example");
        assertThat(guard.crossSite(own)).isFalse();
        assertThat(guard.crossSite(other)).isTrue();
    }

    @Test
    void anotherPortOnTheSameHostIsCrossSite() {
        MockHttpServletRequest request = post("http", "localhost", 8080, "localhost:8080");
        request.addHeader("Origin", "http://localhost:9999");
        assertThat(guard.crossSite(request)).isTrue();
    }

    @Test
    void behindAProxyThatResetThePortTheHostTheBrowserSentDecides() {
        // nginx on :8080 passes Host with its port and X-Forwarded-Proto; the servlet then thinks it is on 80.
        MockHttpServletRequest request = post("http", "localhost", 80, "localhost:8080");
        request.addHeader("Origin", "http://localhost:8080");
        assertThat(guard.crossSite(request)).isFalse();

        MockHttpServletRequest forwarded = post("https", "copydesk-node-a", 443, "copydesk-node-a:8080");
        forwarded.addHeader("X-Forwarded-Host", "desk.newsroom.example");
        forwarded.addHeader("Origin", "https://desk.newsroom.example");
        assertThat(guard.crossSite(forwarded)).isFalse();

        MockHttpServletRequest evil = post("http", "localhost", 80, "localhost:8080");
        evil.addHeader("Origin", "http://evil.example:8080");
        assertThat(guard.crossSite(evil)).isTrue();
    }

    @Test
    void aTrustedOriginIsNotCrossSite() {
        MockHttpServletRequest request = post("https", "desk.newsroom.example", 443, "desk.newsroom.example");
        request.addHeader("Origin", "https://www.newsroom.example:443");
        assertThat(guard.crossSite(request)).isFalse();
    }

    @Test
    void nullOriginAndCrossSiteFetchMetadataAreCrossSite() {
        MockHttpServletRequest nullOrigin = post("http", "localhost", 8080, "localhost:8080");
        nullOrigin.addHeader("Origin", "null");
        MockHttpServletRequest fetch = post("http", "localhost", 8080, "localhost:8080");
        fetch.addHeader("Sec-Fetch-Site", "cross-site");
        fetch.addHeader("Origin", "http://localhost:8080");
        assertThat(guard.crossSite(nullOrigin)).isTrue();
        assertThat(guard.crossSite(fetch)).isTrue();
    }
}
