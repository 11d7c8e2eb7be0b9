package dev.hallmark.bench;

import dev.hallmark.jwt.Claims;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HS256 token (the standard fixture key) whose claims set is about 4 KB of what identity providers really put in
 * access tokens: the standard claims of {@link Fixtures}, profile claims with non-ASCII text, a nested address and
 * tenant, group names in several scripts, fine-grained permissions and per-resource entitlements. Verifying it
 * measures signature plus full claims parsing, where the small token mostly measures fixed costs.
 */
public final class LargeClaimsFixtures {

    /** The claims JSON grows by permissions until it reaches this size. */
    public static final int TARGET_BYTES = 4096;

    public final Map<String, Object> claims;
    public final String token;
    /** UTF-8 bytes of the claims JSON. */
    public final int claimsBytes;

    private static LargeClaimsFixtures shared;

    public static synchronized LargeClaimsFixtures shared() {
        if (shared == null) {
            shared = new LargeClaimsFixtures();
        }
        return shared;
    }

    private LargeClaimsFixtures() {
        Fixtures f = Fixtures.shared();
        Map<String, Object> c = new LinkedHashMap<>(f.claims);
        c.put("name", "Zoë Ångström-Nakamura");
        c.put("given_name", "Zoë");
        c.put("family_name", "Ångström-Nakamura");
        c.put("preferred_username", "zoë.ångström");
        c.put("email", "zoe.angstrom@example.com");
        c.put("email_verified", true);
        c.put("locale", "de-CH");
        c.put("zoneinfo", "Europe/Zurich");
        c.put("status", "🚀 shipping the Q4 release — „fast“ & «safe»");
        c.put("address", ordered("street_address", "Bahnhofstraße 1", "locality", "Zürich", "postal_code", "8001",
                "country", "CH"));
        c.put("tenant", ordered("id", "t-4711", "name", "Müller & Söhne AG", "region", "eu-central-1",
                "plan", "enterprise", "features", List.of("sso", "audit-log", "scim", "data-residency"),
                "limits", ordered("seats", 250L, "api_calls_per_minute", 6000L, "storage_gb", 512L)));
        c.put("groups", List.of("engineering", "platform", "on-call", "東京オフィス", "Ελληνική ομάδα", "équipe-sécurité"));
        c.put("amr", List.of("pwd", "otp"));
        c.put("acr", "urn:example:loa:2");
        c.put("sid", "08a5019c-17e1-4977-8f42-65a12843ea02");
        List<Object> entitlements = new ArrayList<>();
        for (String resource : RESOURCES) {
            entitlements.add(ordered("resource", resource, "actions", List.of("read", "write"),
                    "regions", List.of("eu-central-1", "us-east-1"), "expires", f.claims.get("exp")));
        }
        c.put("entitlements", entitlements);
        List<String> permissions = new ArrayList<>();
        c.put("permissions", permissions);
        outer:
        for (String action : ACTIONS) {
            for (String resource : RESOURCES) {
                if (json(c).length >= TARGET_BYTES) {
                    break outer;
                }
                permissions.add(resource + ":" + action);
                c.put("permissions", List.copyOf(permissions));
            }
        }
        this.claims = Map.copyOf(c);
        this.claimsBytes = json(c).length;
        this.token = Fixtures.sign(f.hs256, c);
    }

    private static final List<String> RESOURCES = List.of("orders", "invoices", "customers", "products",
            "shipments", "returns", "reports", "payments", "subscriptions", "webhooks", "users", "teams", "api-keys",
            "audit-logs");
    private static final List<String> ACTIONS = List.of("read", "write", "delete", "approve", "export", "import",
            "archive", "audit", "share", "admin");

    private static byte[] json(Map<String, Object> claims) {
        Claims.Builder b = Claims.builder();
        claims.forEach(b::claim);
        return b.build().toJson().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
