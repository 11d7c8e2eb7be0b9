package dev.hallmark.servlet;

/**
 * A path pattern in the style of servlet URL patterns, matched against the request's path within its context
 * ({@code servletPath + pathInfo}, which the container has already decoded and normalized): {@code /*} matches every
 * path, {@code /orders/*} matches {@code /orders} and everything below it, anything else matches exactly.
 */
record PathPattern(String text) {

    PathPattern {
        if (text == null || !text.startsWith("/")) {
            throw new IllegalArgumentException("a path pattern starts with '/': " + text);
        }
        int star = text.indexOf('*');
        if (star >= 0 && (star != text.length() - 1 || !text.endsWith("/*"))) {
            throw new IllegalArgumentException("'*' is only allowed as a trailing \"/*\": " + text);
        }
    }

    boolean matches(String path) {
        if (!text.endsWith("/*")) {
            return text.equals(path);
        }
        String base = text.substring(0, text.length() - 2);
        return path.equals(base) || path.startsWith(base + "/") || base.isEmpty();
    }

    @Override
    public String toString() {
        return text;
    }
}
