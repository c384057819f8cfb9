package dev.copydesk.accounts;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.copydesk.shared.ProblemWriter;
import dev.copydesk.shared.Problems;

/**
 * Who may call what, by URL. Staff authenticate with HTTP Basic (stateless); the public API is
 * open; the Camunda web apps, the engine's REST API (off unless turned on) and the actuator (but
 * health) are for ADMIN. Every chain ends in a deny or an authentication rule, and the public paths
 * are named one by one; the full table is in docs/security.md.
 * The staff console under {@code /console/} logs in with a form and a session instead; its pages
 * call the same API with that session, which then must carry the CSRF token. Finer rules
 * (ownership, four-eyes) live in the module APIs.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String REALM = "copydesk";

    /** The console reads this cookie and sends its value back in {@link #CSRF_HEADER}. */
    static final String CSRF_COOKIE = "XSRF-TOKEN";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";

    /**
     * No tracing observation per security filter: with an observation registry present (actuator),
     * Spring Security wraps each of the dozen filters of every request in its own observation, which
     * cost more CPU than the public reads themselves (benchmarks). Request metrics
     * ({@code http.server.requests}) are kept; they come from the web layer, not from here.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the algorithm id stored beside the hash so it can be upgraded later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(PasswordCheck passwordCheck) {
        ProviderManager manager = new ProviderManager(passwordCheck);
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    /**
     * String patterns in every chain below are matched against the whole path of the request, not
     * against Spring MVC's view of it. With MVC matchers (the default while Spring MVC is present) a
     * pattern such as {@code /engine-rest/**} never matched the engine's REST API, because that is a
     * Jersey servlet of its own: its requests fell through to the API chain's last rule. Path patterns
     * see every servlet alike.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * Refuses unsafe cross-site requests in front of every servlet, before any authentication (see
     * {@link CrossSiteRequestGuard}); ordered just before Spring Security's filter chain.
     */
    @Bean
    FilterRegistrationBean<CrossSiteRequestGuard> crossSiteRequestGuard(CrossSiteProperties properties,
            ProblemWriter problems) {
        FilterRegistrationBean<CrossSiteRequestGuard> registration = new FilterRegistrationBean<>(
                new CrossSiteRequestGuard(properties.trustedOrigins(), problems));
        registration.addUrlPatterns("/*");
        registration.setName("copydesk-cross-site-request-guard");
        registration.setOrder(org.springframework.boot.autoconfigure.security.SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @Bean
    AccountBoundSessions sessionsThatMayStart(AccountRepository accounts, PlatformTransactionManager transactions) {
        return new AccountBoundSessions(true, accounts, readOnly(transactions));
    }

    @Bean
    AccountBoundSessions sessionsThatMayNotStart(AccountRepository accounts, PlatformTransactionManager transactions) {
        return new AccountBoundSessions(false, accounts, readOnly(transactions));
    }

    private static TransactionTemplate readOnly(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        return template;
    }

    /**
     * The engine's own REST API, when an operator turns it on ({@code copydesk.engine-rest.enabled}):
     * ADMIN only, HTTP Basic only (no console session, so no cookie a forged request could borrow),
     * through the same password check and login throttle as the API. When it is off there is no such
     * servlet, and the chain still answers: 401/403, or 404 for an ADMIN.
     */
    @Bean
    @Order(1)
    SecurityFilterChain engineRestChain(HttpSecurity http, AuthenticationManager authenticationManager,
            ProblemWriter problems) throws Exception {
        http.securityMatcher("/engine-rest", "/engine-rest/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(Role.ADMIN.name()))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(entryPoint(problems))
                        .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint(problems))
                        .accessDeniedHandler(deniedHandler(problems)));
        return http.build();
    }

    /**
     * The Camunda web apps (Cockpit, Tasklist, Admin) and their APIs under {@code /camunda/api/**}:
     * ADMIN only, by HTTP Basic or an ADMIN's console session (checked against the account on every
     * request). The web apps' own sign-on ({@code WebAppLogin}) refuses anyone else too, and they run
     * their own CSRF protection.
     */
    @Bean
    @Order(2)
    SecurityFilterChain webAppsChain(HttpSecurity http, AuthenticationManager authenticationManager,
            ProblemWriter problems, AccountBoundSessions sessionsThatMayNotStart) throws Exception {
        http.securityMatcher("/camunda", "/camunda/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        // The web apps mount the engine's whole REST API under /camunda/api/engine.
                        // Deploying is releasing code: processes come from processes/ in the jar,
                        // never from a running node (docs/security.md), nor does an engine verify passwords.
                        .requestMatchers(HttpMethod.POST, "/camunda/api/engine/engine/*/deployment/create",
                                "/camunda/api/engine/engine/*/deployment/*/redeploy",
                                "/camunda/api/engine/engine/*/identity/verify").denyAll()
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(entryPoint(problems))
                        .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), sessionsThatMayNotStart)))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint(problems))
                        .accessDeniedHandler(deniedHandler(problems)));
        return http.build();
    }

    /**
     * The staff console: a login form, a session, CSRF in a cookie the page's script reads. The pages
     * are static; what a role may do is still decided by the API below.
     */
    @Bean
    @Order(5)
    SecurityFilterChain consoleChain(HttpSecurity http, AuthenticationManager authenticationManager,
            AccountBoundSessions sessionsThatMayStart) throws Exception {
        http.securityMatcher("/console", "/console/**")
                .authenticationManager(authenticationManager)
                .securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), sessionsThatMayStart)))
                .authorizeHttpRequests(auth -> auth
                        // Scripts and styles hold no data and no rules of their own: public, like the login page.
                        .requestMatchers("/console/login", "/console/login.html", "/console/console.css",
                                "/console/js/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/console/login")
                        .loginProcessingUrl("/console/login")
                        .defaultSuccessUrl("/console/", true)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + "/console/login?error=" + (e instanceof LoginThrottledException ? "throttled" : "bad")))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/console/logout")
                        .logoutSuccessUrl("/console/login?logout")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(fixation -> fixation.changeSessionId()))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                // The token is deferred by default; load it on every console page so the cookie is there.
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .headers(headers -> headers.frameOptions(frame -> frame.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONSOLE_CSP)));
        return http.build();
    }

    /** Scripts and styles from this origin only, no inline script, nothing framed. */
    private static final String CONSOLE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    /**
     * The API. HTTP Basic clients stay stateless: no session is ever created here. A request from
     * the console brings the session of its login, whose security context is read (never created);
     * such a request is authenticated by a cookie, so its unsafe methods must carry the CSRF token.
     * Requests with an {@code Authorization} header, and requests with no session at all (anonymous
     * readers), have nothing a forged request could borrow and need no token.
     */
    @Bean
    @Order(10)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager authenticationManager,
            ProblemWriter problems, AccountBoundSessions sessionsThatMayNotStart) throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/api/public/**").permitAll()
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        // an admin tries a list change before saving it (docs/moderation.md)
                        .requestMatchers(HttpMethod.POST, "/api/moderation/screening/preview")
                                .hasAnyRole(Role.MODERATOR.name(), Role.ADMIN.name())
                        .requestMatchers("/api/moderation/**").hasRole(Role.MODERATOR.name())
                        .requestMatchers("/api/articles", "/api/articles/**", "/api/reviews", "/api/reviews/**")
                                .hasAnyRole(Role.WRITER.name(), Role.EDITOR.name())
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/", "/favicon.ico").permitAll()
                        // Nothing else is served to anyone: a path not named above is refused.
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(entryPoint(problems))
                        .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), sessionsThatMayNotStart)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::authenticatedBySession))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint(problems))
                        .accessDeniedHandler(deniedHandler(problems)));
        return http.build();
    }

    private static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieName(CSRF_COOKIE);
        tokens.setHeaderName(CSRF_HEADER);
        tokens.setCookieCustomizer(cookie -> cookie.path("/").sameSite("Strict"));
        return tokens;
    }

    /** An unsafe method, no {@code Authorization} header, and a session that may hold a login. */
    static boolean authenticatedBySession(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getSession(false) != null;
    }

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** URLs the firewall refuses (encoded slashes, "..", odd characters) get a 400 problem, not a 500. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) -> problems.write(request, response,
                Problems.of(HttpStatus.BAD_REQUEST, "The request address is not allowed"));
    }

    private static AuthenticationEntryPoint entryPoint(ProblemWriter problems) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            if (e instanceof LoginThrottledException throttled) {
                response.setHeader("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
                problems.write(request, response, Problems.of(HttpStatus.TOO_MANY_REQUESTS,
                        "Too many failed logins from this address; try again later"));
                return;
            }
            // The console's script asks with X-Requested-With: no Basic challenge, or the browser
            // would pop up its own password dialog over the page when a session runs out.
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            }
            problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED,
                    "Authentication is required: log in with a staff account"));
        };
    }

    private static AccessDeniedHandler deniedHandler(ProblemWriter problems) {
        return (request, response, denied) -> write(problems, request, response,
                Problems.of(HttpStatus.FORBIDDEN, "Your role does not allow this"));
    }

    /** Reads the deferred CSRF token, which makes the repository send the {@link #CSRF_COOKIE} cookie. */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }

    private static void write(ProblemWriter problems, HttpServletRequest request, HttpServletResponse response,
            ProblemDetail problem) throws IOException {
        problems.write(request, response, problem);
    }
}
