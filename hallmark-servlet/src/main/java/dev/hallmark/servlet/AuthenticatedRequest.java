package dev.hallmark.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.security.Principal;

/** The request as the application sees it once its bearer token verified. */
final class AuthenticatedRequest extends HttpServletRequestWrapper {

    /** {@code getAuthType()} of an authenticated request; the Servlet API has no constant for bearer tokens. */
    static final String AUTH_TYPE = "BEARER";

    private final JwtPrincipal principal;
    private final boolean scopesAsRoles;

    AuthenticatedRequest(HttpServletRequest request, JwtPrincipal principal, boolean scopesAsRoles) {
        super(request);
        this.principal = principal;
        this.scopesAsRoles = scopesAsRoles;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    @Override
    public String getAuthType() {
        return AUTH_TYPE;
    }

    @Override
    public boolean isUserInRole(String role) {
        if (role == null) {
            return false;
        }
        // Servlet 6 §13.3: "**" is any authenticated user
        if ("**".equals(role)) {
            return true;
        }
        return principal.roles().contains(role) || (scopesAsRoles && principal.scopes().contains(role));
    }
}
