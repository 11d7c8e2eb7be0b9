package dev.hallmark.internal.access;

import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jws.JwsAlgorithm;
import dev.hallmark.jws.JwsSigner;
import dev.hallmark.jws.JwsVerifier;
import dev.hallmark.jws.VerifiedJws;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwsAccessTest {

    @Test
    void readsTheVerifiedPayloadItselfWhilePayloadCopiesAndNoOtherReaderCanBeSet() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        OctJwk key = OctJwk.of(secret);
        String token = JwsSigner.builder(key).algorithm(JwsAlgorithm.HS256).build()
                .sign("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        VerifiedJws jws = JwsVerifier.builder().keys(KeySource.of(key)).build().verify(token);

        assertThat(JwsAccess.payload(jws)).isSameAs(JwsAccess.payload(jws)).isEqualTo(jws.payload());
        assertThat(jws.payload()).isNotSameAs(JwsAccess.payload(jws));
        assertThatThrownBy(() -> JwsAccess.setPayloadReader(v -> new byte[0]))
                .isInstanceOf(IllegalStateException.class);
    }
}
