package dev.hallmark.interop;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.text.ParseException;
import java.util.List;

/**
 * The Nimbus side of the interoperability tests: key generation, signers and verifiers per key type. Nimbus signs
 * and verifies Ed25519 through Tink (a test-scoped dependency); it has no Ed448 signer at all.
 */
final class NimbusPeer {

    /** Every JWS algorithm Hallmark and Nimbus both implement. Ed448 is missing because Nimbus cannot sign with it. */
    static final List<String> SHARED_JWS_ALGORITHMS = List.of(
            "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512", "EdDSA");

    private NimbusPeer() {
    }

    /** A private Nimbus key for {@code alg}, carrying alg, use=sig and its thumbprint as kid (as Hallmark's do). */
    static JWK generate(String alg) throws JOSEException {
        JWSAlgorithm a = JWSAlgorithm.parse(alg);
        if (JWSAlgorithm.Family.HMAC_SHA.contains(a)) {
            int bits = Integer.parseInt(alg.substring(2));
            return new OctetSequenceKeyGenerator(bits).algorithm(a).keyUse(KeyUse.SIGNATURE)
                    .keyIDFromThumbprint(true).generate();
        }
        if (JWSAlgorithm.Family.RSA.contains(a)) {
            return new RSAKeyGenerator(2048).algorithm(a).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        }
        if (JWSAlgorithm.Family.EC.contains(a)) {
            Curve curve = Curve.forJWSAlgorithm(a).iterator().next();
            return new ECKeyGenerator(curve).algorithm(a).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        }
        if (a.equals(JWSAlgorithm.EdDSA)) {
            return new OctetKeyPairGenerator(Curve.Ed25519).algorithm(a).keyUse(KeyUse.SIGNATURE)
                    .keyIDFromThumbprint(true).generate();
        }
        throw new IllegalArgumentException(alg);
    }

    static JWSSigner signer(JWK key) throws JOSEException {
        return switch (key.getKeyType().getValue()) {
            case "RSA" -> new RSASSASigner(key.toRSAKey());
            case "EC" -> new ECDSASigner(key.toECKey());
            case "OKP" -> new Ed25519Signer(key.toOctetKeyPair());
            case "oct" -> new MACSigner(key.toOctetSequenceKey());
            default -> throw new IllegalArgumentException(key.getKeyType().getValue());
        };
    }

    static JWSVerifier verifier(JWK key) throws JOSEException {
        return switch (key.getKeyType().getValue()) {
            case "RSA" -> new RSASSAVerifier(key.toRSAKey());
            case "EC" -> new ECDSAVerifier(key.toECKey());
            case "OKP" -> new Ed25519Verifier(key.toOctetKeyPair());
            case "oct" -> new MACVerifier(key.toOctetSequenceKey());
            default -> throw new IllegalArgumentException(key.getKeyType().getValue());
        };
    }

    /** Nimbus's view of a JWK JSON document; checked exceptions become unchecked so tests read straight. */
    static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new AssertionError("Nimbus refused the JWK: " + e.getMessage(), e);
        }
    }

    /** The JSON Hallmark is given: the public JWK, or the secret one for HMAC keys, which have no public form. */
    static String verificationJson(JWK key) {
        return key.getKeyType().getValue().equals("oct") ? key.toJSONString() : key.toPublicJWK().toJSONString();
    }
}
