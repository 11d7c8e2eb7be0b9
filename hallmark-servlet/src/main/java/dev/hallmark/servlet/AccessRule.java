package dev.hallmark.servlet;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One line of the filter's access table: requests with this method (any when null) and path are either public or
 * need every one of these scopes.
 */
record AccessRule(String method, PathPattern pattern, boolean isPublic, Set<String> scopes) {

    AccessRule {
        method = method == null ? null : method.toUpperCase(Locale.ROOT);
        // insertion order: the challenge's scope="..." lists them as configured (Set.copyOf would not)
        scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
    }

    boolean applies(String requestMethod, String path) {
        return (method == null || method.equalsIgnoreCase(requestMethod) || isHeadOfGet(requestMethod))
                && pattern.matches(path);
    }

    // HEAD runs the GET handler (HttpServlet.doHead): a GET rule that HEAD escaped would leak what GET protects,
    // the classic "verb tampering" gap of per-method security constraints
    private boolean isHeadOfGet(String requestMethod) {
        return "GET".equals(method) && "HEAD".equalsIgnoreCase(requestMethod);
    }

    @Override
    public String toString() {
        return (method == null ? "*" : method) + " " + pattern + (isPublic ? " public" : " scopes=" + scopes);
    }
}
