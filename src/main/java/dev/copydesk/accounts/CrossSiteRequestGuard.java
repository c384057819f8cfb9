package dev.copydesk.accounts;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.copydesk.shared.ProblemWriter;
import dev.copydesk.shared.Problems;

/**
 * Refuses unsafe requests (POST, PUT, PATCH, DELETE…) that a browser says come from another site,
 * however they authenticated. A browser resends cached HTTP Basic credentials and cookies with a
 * form posted from any page, so the CSRF token of the console's session is not enough on its own:
 * here a request whose {@code Sec-Fetch-Site} is {@code cross-site}, or whose {@code Origin} is
 * neither this service's own origin nor one of {@code copydesk.security.cross-site.trusted-origins},
 * gets 403 before any authentication runs. Clients that are not browsers send neither header and
 * pass. Runs in front of every servlet, the engine's and the web apps' included.
 */
final class CrossSiteRequestGuard extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Set<String> trustedOrigins;
    private final ProblemWriter problems;

    CrossSiteRequestGuard(Set<String> trustedOrigins, ProblemWriter problems) {
        this.trustedOrigins = trustedOrigins.stream().map(CrossSiteRequestGuard::normalise).collect(
                java.util.stream.Collectors.toUnmodifiableSet());
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT)) && crossSite(request)) {
            problems.write(request, response, Problems.of(HttpStatus.FORBIDDEN,
                    "Cross-site requests may not change anything here"));
            return;
        }
        chain.doFilter(request, response);
    }

    boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && fetchSite.trim().equalsIgnoreCase("cross-site")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String normalised = normalise(origin);
        if (trustedOrigins.contains(normalised) || normalised.equals(ownOrigin(request))) {
            return false;
        }
        return !sameAuthorityAsHost(origin, request);
    }

    /**
     * The page's origin names the host and port the browser sent this request to. Behind a proxy the
     * servlet's own view of its port can differ (a proxy that sets {@code X-Forwarded-Proto} makes it
     * 80 or 443), so the {@code Host} the browser sent, as the proxy passed it on
     * ({@code X-Forwarded-Host} first), is compared too. A cross-site page cannot set either header
     * on a request the browser sends without asking the server first (CORS), which Copydesk never allows.
     */
    private static boolean sameAuthorityAsHost(String origin, HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-Host");
        String host = forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].trim() : request.getHeader("Host");
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            URI page = URI.create(origin.trim());
            if (page.getScheme() == null || page.getHost() == null) {
                return false;
            }
            if (!page.getScheme().equalsIgnoreCase(request.getScheme())) {
                return false; // an http page may not post to the https service, or the other way round
            }
            URI sent = URI.create(page.getScheme() + "://" + host);
            return sent.getHost() != null && normalise(origin).equals(origin(page.getScheme(), sent.getHost(), sent.getPort()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** This service's origin as the servlet sees it (behind a proxy: with forwarded headers applied). */
    private static String ownOrigin(HttpServletRequest request) {
        return origin(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    /** {@code scheme://host[:port]} in lower case, the default port left out; "null" and junk stay unequal. */
    static String normalise(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "invalid:" + origin;
            }
            return origin(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (IllegalArgumentException e) {
            return "invalid:" + origin;
        }
    }

    private static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || ("http".equals(s) && port == 80) || ("https".equals(s) && port == 443);
        String h = host.toLowerCase(Locale.ROOT);
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return s + "://" + h + (defaultPort ? "" : ":" + port);
    }
}
