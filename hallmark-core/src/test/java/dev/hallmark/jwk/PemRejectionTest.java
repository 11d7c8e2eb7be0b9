package dev.hallmark.jwk;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import dev.hallmark.internal.codec.Der;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What {@link Pem#readJwk} refuses, and how: always a {@link JoseException} with a defined reason, never another
 * exception type, whatever the input.
 */
class PemRejectionTest {

    private static final String[] ALL_FIXTURES = {
        "chain-ca.cert.pem", "chain-ca.pkcs8.pem", "chain-leaf.cert.pem", "chain.pem", "dsa2048.cert.pem",
        "dsa2048.pkcs8.pem", "ec-p256-explicit.pkcs8.pem", "ec-p256-explicit.spki.pem", "ec-p256.cert.pem",
        "ec-p256.pkcs8.pem", "ec-p256.sec1.pem", "ec-p256.spki.pem", "ec-p384.pkcs8.pem", "ec-p384.sec1.pem",
        "ec-p384.spki.pem", "ec-p521.pkcs8.pem", "ec-p521.sec1.pem", "ec-p521.spki.pem", "ed25519.pkcs8.pem",
        "ed25519.spki.pem", "ed448.pkcs8.pem", "ed448.spki.pem", "encrypted.pkcs8.pem", "rsa-pss-sha256.pkcs8.pem",
        "rsa-pss-sha256.spki.pem", "rsa-pss.pkcs8.pem", "rsa-pss.spki.pem", "rsa1024.pkcs8.pem", "rsa1024.spki.pem",
        "rsa2048.cert.pem", "rsa2048.pkcs1-public.pem", "rsa2048.pkcs1.pem", "rsa2048.pkcs8.pem", "rsa2048.spki.pem",
        "secp256k1.cert.pem", "secp256k1.pkcs8.pem", "secp256k1.sec1.pem", "secp256k1.spki.pem", "x25519.pkcs8.pem",
        "x25519.spki.pem", "x448.pkcs8.pem", "x448.spki.pem",
    };

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "encrypted.pkcs8.pem        | MALFORMED | encrypted PEM private keys are not supported",
        // secp256k1 is no JOSE curve for ECDSA (RFC 7518 §6.2.1.1 lists P-256/384/521; RFC 8812's ES256K is not
        // implemented), in every container
        "secp256k1.pkcs8.pem        | MALFORMED | P-256, P-384 or P-521",
        "secp256k1.sec1.pem         | MALFORMED | unsupported curve 1.3.132.0.10",
        "secp256k1.spki.pem         | MALFORMED | P-256, P-384 or P-521",
        "secp256k1.cert.pem         | MALFORMED | P-256, P-384 or P-521",
        "dsa2048.pkcs8.pem          | MALFORMED | 1.2.840.10040.4.1",
        "dsa2048.cert.pem           | MALFORMED | DSA",
        // Decided: explicit curve parameters are refused even when they spell out P-256. RFC 5480 §2.1.1 forbids
        // specifiedCurve in PKIX and the JDK's key factory rejects it; a named curve is the only supported form.
        "ec-p256-explicit.pkcs8.pem | MALFORMED | key factory refused it",
        "ec-p256-explicit.spki.pem  | MALFORMED | key factory refused it",
        "rsa1024.pkcs8.pem          | WEAK_KEY  | 1024 bits is below the minimum of 2048",
        "rsa1024.spki.pem           | WEAK_KEY  | 1024 bits is below the minimum of 2048",
    })
    void refusedFixture(String file, Reason reason, String messageFragment) {
        assertThatThrownBy(() -> Pem.readJwk(PemFixtures.text(file)))
                .isInstanceOf(JoseException.class)
                .hasMessageContaining(messageFragment)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "hello",
        "{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}",
        "-----BEGIN PUBLIC KEY-----",
        "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n",
        "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n",
        "-----BEGIN PUBLIC KEY-----\naGVsbG8=\n-----END PUBLIC KEY-----\n",
        "-----BEGIN PUBLIC KEY-----\nMAA=\n-----END PRIVATE KEY-----\n",
        "-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n",
        "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n",
        "-----BEGIN EC PRIVATE KEY-----\nMAA=\n-----END EC PRIVATE KEY-----\n",
        "-----BEGIN RSA PRIVATE KEY-----\nMAA=\n-----END RSA PRIVATE KEY-----\n",
        "-----BEGIN RSA PUBLIC KEY-----\nMAA=\n-----END RSA PUBLIC KEY-----\n",
        "-----BEGIN PUBLIC KEY-----\nA===\n-----END PUBLIC KEY-----\n",
        "-----BEGIN OPENSSH PRIVATE KEY-----\naGVsbG8=\n-----END OPENSSH PRIVATE KEY-----\n",
        "-----BEGIN X509 CRL-----\naGVsbG8=\n-----END X509 CRL-----\n",
    })
    void garbageIsMalformed(String text) {
        assertMalformed(text);
    }

    /** Well-formed DER that is not the structure its label promises. */
    static Stream<Arguments> wrongStructures() {
        byte[] emptySeq = Der.sequence();
        byte[] rsaAlg = Der.sequence(Der.oid("1.2.840.113549.1.1.1"), Der.nullValue());
        return Stream.of(
                Arguments.of("PRIVATE KEY", "empty algorithm identifier",
                        Der.sequence(Der.integer(0), emptySeq, Der.octetString(new byte[] {1}))),
                Arguments.of("PRIVATE KEY", "algorithm identifier is an INTEGER",
                        Der.sequence(Der.integer(0), Der.integer(5), Der.octetString(new byte[] {1}))),
                Arguments.of("PRIVATE KEY", "algorithm identifier without an OID",
                        Der.sequence(Der.integer(0), Der.sequence(Der.nullValue()), Der.octetString(new byte[] {1}))),
                Arguments.of("PRIVATE KEY", "RSA with an empty key",
                        Der.sequence(Der.integer(0), rsaAlg, Der.octetString(new byte[0]))),
                Arguments.of("PRIVATE KEY", "a bare INTEGER", Der.integer(7)),
                Arguments.of("PUBLIC KEY", "empty algorithm identifier", Der.sequence(emptySeq, Der.bitString(new byte[] {1}))),
                Arguments.of("PUBLIC KEY", "algorithm identifier is an OCTET STRING",
                        Der.sequence(Der.octetString(new byte[] {6, 0}), Der.bitString(new byte[] {1}))),
                Arguments.of("PUBLIC KEY", "RSA with an empty bit string", Der.sequence(rsaAlg, Der.bitString(new byte[0]))),
                Arguments.of("PUBLIC KEY", "three fields", Der.sequence(rsaAlg, Der.bitString(new byte[] {1}), Der.integer(1))),
                Arguments.of("PUBLIC KEY", "a bare SEQUENCE", emptySeq),
                Arguments.of("EC PRIVATE KEY", "empty [0] parameters",
                        Der.sequence(Der.integer(1), Der.octetString(new byte[32]), Der.tlv(0xa0, new byte[0]))),
                Arguments.of("EC PRIVATE KEY", "no parameters", Der.sequence(Der.integer(1), Der.octetString(new byte[32]))),
                Arguments.of("EC PRIVATE KEY", "a zero scalar on P-256",
                        Der.sequence(Der.integer(1), Der.octetString(new byte[32]), Der.tlv(0xa0, Der.oid("1.2.840.10045.3.1.7")))),
                Arguments.of("EC PRIVATE KEY", "a bare INTEGER", Der.integer(1)),
                Arguments.of("RSA PRIVATE KEY", "too few integers", Der.sequence(Der.integer(0), Der.integer(3))),
                Arguments.of("RSA PUBLIC KEY", "no exponent", Der.sequence(Der.integer(77))),
                Arguments.of("CERTIFICATE", "an empty SEQUENCE", emptySeq));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("wrongStructures")
    void wrongDerStructureIsMalformed(String label, String what, byte[] der) {
        assertMalformed(PemFixtures.pem(label, der));
    }

    /** Every fixture with its last base64 lines cut off, the END line kept: the DER inside is truncated. */
    static Stream<Arguments> truncatedBodies() {
        List<Arguments> out = new ArrayList<>();
        for (String file : ALL_FIXTURES) {
            String text = PemFixtures.text(file);
            int end = text.indexOf("-----END ");
            String[] lines = text.substring(0, end).split("\n");
            String endLine = text.substring(end, text.indexOf('\n', end) + 1);
            // lines[0] is the BEGIN line; keep 1..n-1 body lines (and, for good measure, half a line)
            for (int keep = 1; keep < lines.length - 1; keep += Math.max(1, (lines.length - 2) / 4)) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i <= keep; i++) {
                    b.append(lines[i]).append('\n');
                }
                out.add(Arguments.of(file, keep + " lines", b + endLine));
                String half = lines[keep + 1].substring(0, lines[keep + 1].length() / 2);
                // Half of a short last line can still decode to every octet (base64 padding is optional):
                // only cuts that lose data belong here
                if (decodedLength(b + half) < decodedLength(text.substring(0, end))) {
                    out.add(Arguments.of(file, keep + " lines and a half", b + half + "\n" + endLine));
                }
            }
        }
        return out.stream();
    }

    private static int decodedLength(String beginAndBody) {
        return Base64.getMimeDecoder().decode(beginAndBody.substring(beginAndBody.indexOf('\n') + 1)).length;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("truncatedBodies")
    void truncatedBodyIsMalformed(String file, String kept, String text) {
        assertMalformed(text);
    }

    /** A file cut off anywhere before its (last) END line, as an interrupted copy leaves it. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rsa2048.pkcs8.pem", "rsa2048.pkcs1.pem", "ec-p256.sec1.pem", "ed25519.pkcs8.pem",
        "x448.spki.pem", "rsa2048.cert.pem", "rsa-pss.pkcs8.pem"})
    void cutOffFileIsMalformed(String file) {
        String text = PemFixtures.text(file);
        int lastDash = text.lastIndexOf("-----");
        for (int cut = 0; cut < lastDash; cut += 13) {
            assertMalformed(text.substring(0, cut));
        }
    }

    /**
     * Seeded random damage to the DER of every fixture (bit flips, replaced octets, truncation): the result may
     * parse (a changed modulus octet is still a key) but any rejection is a JoseException, MALFORMED or WEAK_KEY.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureNames")
    void damagedDerNeverEscapesAsAnotherException(String file) {
        Random random = new Random(file.hashCode());
        // EC private keys cost several scalar multiplications each to check; fewer rounds keep the suite quick
        int rounds = file.contains("pkcs8") || file.contains("sec1") ? 30 : 200;
        for (PemFixtures.Block block : PemFixtures.blocks(file)) {
            for (int i = 0; i < rounds; i++) {
                byte[] der = block.der().clone();
                switch (random.nextInt(3)) {
                    case 0 -> der[random.nextInt(der.length)] ^= (byte) (1 << random.nextInt(8));
                    case 1 -> der[random.nextInt(der.length)] = (byte) random.nextInt(256);
                    default -> der = Arrays.copyOf(der, random.nextInt(der.length));
                }
                String damaged = PemFixtures.pem(block.label(), der);
                Throwable t = catchThrowable(() -> Pem.readJwk(damaged));
                if (t != null) {
                    assertThat(t).as("round %d of %s", i, file).isInstanceOf(JoseException.class);
                    assertThat(((JoseException) t).reason()).as("round %d of %s: %s", i, file, t.getMessage())
                            .isIn(Reason.MALFORMED, Reason.WEAK_KEY);
                }
            }
        }
    }

    static Stream<String> fixtureNames() {
        return Stream.of(ALL_FIXTURES);
    }

    /**
     * A PKCS#1 RSA private key whose CRT members do not belong to its modulus is refused, as the same key is as a
     * JWK (RFC 7518 §6.3.2): signing with it would fail or, with a faulty CRT half, leak the factorization.
     */
    @ParameterizedTest(name = "{0} off by two")
    @CsvSource({"p, 4", "q, 5", "dp, 6", "dq, 7", "qi, 8"})
    void rsaPrivateKeyWithInconsistentCrtMembersIsMalformed(String member, int index) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) g.generateKeyPair().getPrivate();
        BigInteger[] fields = {BigInteger.ZERO, k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(),
            k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient()};
        fields[index] = fields[index].add(BigInteger.TWO);
        byte[][] integers = new byte[fields.length][];
        for (int i = 0; i < fields.length; i++) {
            integers[i] = Der.tlv(Der.INTEGER, fields[i].toByteArray());
        }
        assertMalformed(PemFixtures.pem("RSA PRIVATE KEY", Der.sequence(integers)));
    }

    /** SEC 1 keys whose scalar is outside [1, n-1] are refused as the same {@code d} in a JWK is. */
    @ParameterizedTest(name = "d = n + {0}")
    @ValueSource(ints = {0, 1})
    void ecScalarOfOrderOrMoreIsMalformed(int offset) {
        BigInteger n = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16); // P-256
        byte[] d = Arrays.copyOfRange(n.add(BigInteger.valueOf(offset)).toByteArray(), 1, 33);
        byte[] sec1 = Der.sequence(Der.integer(1), Der.octetString(d), Der.tlv(0xa0, Der.oid("1.2.840.10045.3.1.7")));
        assertMalformed(PemFixtures.pem("EC PRIVATE KEY", sec1));
    }

    /** An RSASSA-PSS PKCS#8 key whose CRT values are zero (the JDK then makes a non-CRT key). */
    @Test
    void rsaPssKeyWithoutCrtValuesIsMalformed() {
        List<Der.Element> pkcs8 = Der.parse(PemFixtures.block("rsa-pss.pkcs8.pem").der()).children();
        List<Der.Element> rsa = Der.parse(pkcs8.get(2).content()).children();
        byte[] zero = Der.integer(0);
        byte[] pkcs1 = Der.sequence(Der.integer(0), Der.tlv(Der.INTEGER, rsa.get(1).content()),
                Der.tlv(Der.INTEGER, rsa.get(2).content()), Der.tlv(Der.INTEGER, rsa.get(3).content()),
                zero, zero, zero, zero, zero);
        Der.Element algorithm = pkcs8.get(1);
        byte[] der = Der.sequence(Der.integer(0), Der.tlv(algorithm.tag(), algorithm.content()), Der.octetString(pkcs1));
        assertMalformed(PemFixtures.pem("PRIVATE KEY", der));
    }

    @Test
    void oversizedTextIsTooLarge() {
        String huge = PemFixtures.text("rsa2048.spki.pem") + "x".repeat(600 * 1024);
        assertThatThrownBy(() -> Pem.readJwk(huge)).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.TOO_LARGE);
    }

    private static void assertMalformed(String text) {
        Throwable t = catchThrowable(() -> Pem.readJwk(text));
        assertThat(t).as("reading %s", text.length() > 80 ? text.substring(0, 80) + "..." : text)
                .isInstanceOf(JoseException.class);
        assertThat(((JoseException) t).reason()).as(t.getMessage()).isEqualTo(Reason.MALFORMED);
    }
}
