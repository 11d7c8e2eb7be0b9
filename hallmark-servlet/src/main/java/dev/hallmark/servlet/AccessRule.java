package dev.hallmark.servlet;

import java.util.Locale;
import java.util.Set;

/**
 * One line of the filter's access table: requests with this method (any when null) and path are either public or
 * need every one of these scopes.
 */
record AccessRule(String method, PathPattern pattern, boolean isPublic, Set<String> scopes) {

    AccessRule {
        method = method == null ? null : method.toUpperCase(Locale.ROOT);
        scopes = Set.copyOf(scopes);
    }

    boolean applies(String requestMethod, String path) {
        return (method == null || method.equalsIgnoreCase(requestMethod)) && pattern.matches(path);
    }

    @Override
    public String toString() {
        return (method == null ? "*" : method) + " " + pattern + (isPublic ? " public" : " scopes=" + scopes);
    }
}
