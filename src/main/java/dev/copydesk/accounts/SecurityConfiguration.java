package dev.copydesk.accounts;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import dev.copydesk.shared.ProblemWriter;
import dev.copydesk.shared.Problems;

/**
 * Who may call what, by URL. Staff authenticate with HTTP Basic (stateless); the public API is
 * open; the Camunda web apps, the engine's REST API and the actuator (but health) are for ADMIN.
 * Finer rules (ownership, four-eyes) live in the module APIs.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String REALM = "copydesk";

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

    /** The Camunda web apps and the engine REST API: ADMIN only; the web apps run their own CSRF. */
    @Bean
    @Order(1)
    SecurityFilterChain engineChain(HttpSecurity http, AuthenticationManager authenticationManager,
            ProblemWriter problems) throws Exception {
        http.securityMatcher("/camunda/**", "/engine-rest/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(Role.ADMIN.name()))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(entryPoint(problems)))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint(problems))
                        .accessDeniedHandler(deniedHandler(problems)));
        return http.build();
    }

    @Bean
    @Order(10)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager authenticationManager,
            ProblemWriter problems) throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/api/public/**").permitAll()
                        // present only under the bench profile (docs/benchmarks.md): the baseline is as open as intake
                        .requestMatchers("/api/bench/baseline/**").permitAll()
                        .requestMatchers("/api/bench/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/moderation/**").hasRole(Role.MODERATOR.name())
                        .requestMatchers("/api/articles", "/api/articles/**", "/api/reviews", "/api/reviews/**")
                                .hasAnyRole(Role.WRITER.name(), Role.EDITOR.name())
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/", "/favicon.ico").permitAll()
                        .anyRequest().permitAll())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(entryPoint(problems)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint(problems))
                        .accessDeniedHandler(deniedHandler(problems)));
        return http.build();
    }

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
                        "Too many failed logins for this username; try again later"));
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED,
                    "Authentication is required: log in with a staff account"));
        };
    }

    private static AccessDeniedHandler deniedHandler(ProblemWriter problems) {
        return (request, response, denied) -> write(problems, request, response,
                Problems.of(HttpStatus.FORBIDDEN, "Your role does not allow this"));
    }

    private static void write(ProblemWriter problems, HttpServletRequest request, HttpServletResponse response,
            ProblemDetail problem) throws IOException {
        problems.write(request, response, problem);
    }
}
