package dev.hallmark.jwt;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.internal.http.FetchException;
import dev.hallmark.internal.http.HttpFetcher;
import dev.hallmark.internal.json.StrictJson;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an issuer's metadata (RFC 8414, falling back to OpenID Connect Discovery) once, to learn its {@code jwks_uri}.
 * The document's {@code issuer} must equal the configured one exactly (RFC 8414 §3.3): a document that names another
 * issuer could otherwise point the verifier at an attacker's keys.
 */
final class IssuerDiscovery {

    private static final Map<String, String> ACCEPT = Map.of("Accept", "application/json");

    /**
     * What discovery yields: the issuer to pin, where its keys are and, for a Hallmark issuer, where its revocation
     * feed is ({@code revocations_feed_endpoint}; null when the issuer publishes none).
     */
    record Metadata(String issuer, URI jwksUri, URI revocationsFeed) {
    }

    private IssuerDiscovery() {
    }

    /** The metadata URLs to try, in order: RFC 8414 §3.1 first, then OpenID Connect Discovery 1.0 §4. */
    static List<URI> metadataUrls(String issuer) {
        URI u = issuerUri(issuer);
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String origin = u.getScheme() + "://" + u.getRawAuthority();
        // RFC 8414 §3.1 inserts the well-known segment between the host and the issuer's path
        URI oauth = URI.create(origin + "/.well-known/oauth-authorization-server" + path);
        URI openid = URI.create(origin + path + "/.well-known/openid-configuration");
        return List.of(oauth, openid);
    }

    static Metadata discover(String issuer, HttpFetcher fetcher, Limits limits) {
        List<String> failures = new ArrayList<>();
        for (URI url : metadataUrls(issuer)) {
            byte[] body;
            try {
                body = fetcher.get(url, ACCEPT).body();
            } catch (FetchException e) {
                failures.add(e.getMessage());
                continue;
            }
            Map<String, Object> doc;
            try {
                doc = StrictJson.parseObject(body, limits, "issuer metadata");
            } catch (JoseException e) {
                failures.add(url + ": " + e.getMessage());
                continue;
            }
            return read(issuer, url, doc);
        }
        throw new IllegalStateException("issuer discovery for " + issuer + " failed: " + String.join("; ", failures));
    }

    private static Metadata read(String issuer, URI url, Map<String, Object> doc) {
        if (!(doc.get("issuer") instanceof String named) || !named.equals(issuer)) {
            throw new IllegalStateException("issuer metadata at " + url + " names issuer " + printable(doc.get("issuer"))
                    + ", not " + issuer + " exactly (RFC 8414 §3.3)");
        }
        if (!(doc.get("jwks_uri") instanceof String jwks)) {
            throw new IllegalStateException("issuer metadata at " + url + " has no string \"jwks_uri\" (RFC 8414 §2)");
        }
        URI jwksUri = secureUri(url, "jwks_uri", jwks);
        Object feed = doc.get("revocations_feed_endpoint");
        if (feed != null && !(feed instanceof String)) {
            throw new IllegalStateException("issuer metadata at " + url + " has a \"revocations_feed_endpoint\" that is not a string");
        }
        return new Metadata(issuer, jwksUri, feed == null ? null : secureUri(url, "revocations_feed_endpoint", (String) feed));
    }

    private static URI secureUri(URI metadataUrl, String member, String value) {
        try {
            return HttpFetcher.requireSecure(URI.create(value), member);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("issuer metadata at " + metadataUrl + ": " + e.getMessage());
        }
    }

    private static URI issuerUri(String issuer) {
        URI u;
        try {
            u = URI.create(issuer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("issuer is not a URL: " + issuer);
        }
        HttpFetcher.requireSecure(u, "issuer");
        if (u.getRawQuery() != null) {
            throw new IllegalArgumentException("an issuer has no query component (RFC 8414 §2): " + issuer);
        }
        return u;
    }

    private static String printable(Object value) {
        return value instanceof String s ? "\"" + (s.length() > 200 ? s.substring(0, 200) + "..." : s) + "\"" : "none";
    }
}
