package dev.copydesk.accounts.process;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.copydesk.accounts.Role;
import dev.copydesk.accounts.StaffMember;

/**
 * Single sign-on for the Camunda web apps: whoever Spring Security let through (an ADMIN, by the
 * URL rule, and checked again here) is logged in to Cockpit, Tasklist and Admin as the same user, with their roles as groups.
 * Public with a no-argument constructor because the web apps' filter creates it by class name.
 */
public class WebAppLogin extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // The URL rule already lets only ADMINs in; this refuses anyone else a second time, so a
        // mistake in one of the two layers does not open the web apps to every staff role.
        if (authentication == null || !(authentication.getPrincipal() instanceof StaffMember member)
                || !member.has(Role.ADMIN)) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = new AuthenticationResult(member.username(), true);
        result.setGroups(member.roles().stream().map(Role::name).toList());
        result.setTenants(List.of());
        return result;
    }
}
