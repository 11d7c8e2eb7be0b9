package dev.hallmark.server.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /.well-known/oauth-authorization-server} (RFC 8414) and {@code /.well-known/openid-configuration}:
 * the issuer exactly as configured and every endpoint URL under it, with all REQUIRED members.
 */
public final class DiscoveryEndpoint implements Endpoint {

    private final String document;

    public DiscoveryEndpoint(String issuer, String signingAlgorithm) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", issuer);
        d.put("token_endpoint", issuer + "/oauth2/token");
        d.put("jwks_uri", issuer + "/oauth2/jwks");
        d.put("introspection_endpoint", issuer + "/oauth2/introspect");
        d.put("revocation_endpoint", issuer + "/oauth2/revoke");
        d.put("revocations_feed_endpoint", issuer + "/oauth2/revocations");
        // RFC 8414 §2 makes response_types_supported REQUIRED even without an authorization endpoint
        d.put("response_types_supported", List.of());
        d.put("grant_types_supported", List.of("client_credentials", "password", "refresh_token"));
        d.put("token_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "private_key_jwt"));
        d.put("token_endpoint_auth_signing_alg_values_supported",
                List.of("ES256", "ES384", "ES512", "EdDSA", "RS256", "PS256"));
        d.put("introspection_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "private_key_jwt"));
        d.put("revocation_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "private_key_jwt"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of(signingAlgorithm));
        d.put("access_token_signing_alg_values_supported", List.of(signingAlgorithm));
        this.document = JsonOut.write(d);
    }

    @Override
    public void handle(Exchange x) {
        x.setHeader("Cache-Control", "public, max-age=3600");
        x.send(200, "application/json", document);
    }
}
