package dev.hallmark.server.http;

import dev.hallmark.server.keys.KeyManager;

import java.time.Duration;

/**
 * {@code GET /oauth2/jwks}: the public keys (published, active and retired), never private or symmetric ones, with
 * {@code Cache-Control: max-age} equal to the configured JWKS cache time, which the key schedule respects: a new key
 * is published at least that long before it signs.
 */
public final class JwksEndpoint implements Endpoint {

    private final KeyManager keys;
    private final String cacheControl;

    public JwksEndpoint(KeyManager keys, Duration maxAge) {
        this.keys = keys;
        this.cacheControl = "public, max-age=" + maxAge.getSeconds();
    }

    @Override
    public void handle(Exchange x) {
        x.setHeader("Cache-Control", cacheControl);
        x.send(200, "application/jwk-set+json", keys.jwksJson());
    }
}
