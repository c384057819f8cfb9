package dev.copydesk.accounts.process;

import java.util.Map;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link WebAppLogin} after Spring Security for the Camunda web apps. */
@Configuration(proxyBeanMethods = false)
class WebAppSecurity {

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebAppLogin() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", WebAppLogin.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setName("camunda-container-based-authentication");
        // Spring Security's filter chain runs at -100; this must see its result.
        registration.setOrder(101);
        return registration;
    }
}
