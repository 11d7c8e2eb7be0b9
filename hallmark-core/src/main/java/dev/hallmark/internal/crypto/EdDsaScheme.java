package dev.hallmark.internal.crypto;

import dev.hallmark.spi.SignatureCurve;

import java.math.BigInteger;
import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;

/**
 * EdDSA (RFC 8037 §3.1) with Ed25519 or Ed448. Checked here, in front of whichever engine does the arithmetic, so
 * that every engine decides alike: the exact signature length, S below the group order L (RFC 8032 §5.1.7 step 1; a
 * larger S is a second, malleated signature) and R a canonical point encoding (y below p, no "negative zero" x, the
 * unused bits of Ed448's last octet clear), which some JDK versions decode leniently. Whether R names a point of the
 * curve at all is left to the engine: a non-point can never equal the [S]B - [k]A every engine computes. All checks
 * compare octets; none allocates.
 */
public final class EdDsaScheme extends JcaSignatureScheme {

    private static final BigInteger P25519 = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger P448 = BigInteger.TWO.pow(448).subtract(BigInteger.TWO.pow(224))
            .subtract(BigInteger.ONE);
    private static final BigInteger L25519 = BigInteger.TWO.pow(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));
    private static final BigInteger L448 = BigInteger.TWO.pow(446)
            .subtract(new BigInteger("13818066809895115352007386748515426880336692474882178609894547503885"));

    private final Form ed25519 = new Form(OkpCurve.ED25519, SignatureCurve.ED25519, P25519, L25519);
    private final Form ed448 = new Form(OkpCurve.ED448, SignatureCurve.ED448, P448, L448);

    public EdDsaScheme() {
        super("EdDSA", null);
    }

    /** One curve's limits as little-endian octets, and its prepared verifiers. */
    private static final class Form {
        final int half;
        final byte[] p;
        final byte[] pMinusOne;
        final byte[] one;
        final byte[] l;
        final PreparedVerifiers verifiers;

        Form(OkpCurve curve, SignatureCurve spiCurve, BigInteger p, BigInteger l) {
            this.half = curve.size();
            // for Ed448 the field element is the first 56 octets; the 57th holds only the sign of x
            int fieldOctets = curve == OkpCurve.ED448 ? 56 : 32;
            this.p = littleEndian(p, fieldOctets);
            this.pMinusOne = littleEndian(p.subtract(BigInteger.ONE), fieldOctets);
            this.one = littleEndian(BigInteger.ONE, fieldOctets);
            this.l = littleEndian(l, half);
            this.verifiers = new PreparedVerifiers(spiCurve,
                    key -> curve.encodeEdwardsPoint(((EdECPublicKey) key).getPoint()));
        }
    }

    @Override
    public boolean verify(Key key, byte[] data, int off, int len, byte[] signature) {
        PublicKey publicKey = (PublicKey) key;
        if (!lengthOk(publicKey, signature)) {
            return false;
        }
        return form(publicKey).verifiers.verify(publicKey, data, off, len, signature);
    }

    private Form form(PublicKey key) {
        return "Ed448".equals(((EdECPublicKey) key).getParams().getName()) ? ed448 : ed25519;
    }

    @Override
    protected boolean lengthOk(PublicKey key, byte[] signature) {
        Form f = form(key);
        int half = f.half;
        if (signature.length != 2 * half) {
            return false;
        }
        if (compareLittleEndian(signature, half, f.l, f.l.length) >= 0) {
            return false; // S >= L
        }
        int fieldOctets = f.p.length;
        int signByte = half - 1;
        boolean xOdd;
        int yTop;
        if (fieldOctets == half) { // Ed25519: the sign of x is the top bit of the last octet of y
            xOdd = (signature[signByte] & 0x80) != 0;
            yTop = signature[signByte] & 0x7f;
        } else { // Ed448: a 57th octet holding only the sign bit
            if ((signature[signByte] & 0x7f) != 0) {
                return false;
            }
            xOdd = (signature[signByte] & 0x80) != 0;
            yTop = -1;
        }
        if (compareY(signature, f.p, yTop) >= 0) {
            return false; // y >= p: non-canonical
        }
        // x = 0 exactly when y = 1 or y = p - 1; then a set sign bit is a second encoding of the same point
        return !(xOdd && (compareY(signature, f.one, yTop) == 0 || compareY(signature, f.pMinusOne, yTop) == 0));
    }

    /**
     * Compares the y coordinate of the R half (little-endian, {@code limit.length} octets from offset 0) with
     * {@code limit}; {@code yTop} replaces the last octet (the sign bit masked away) when non-negative.
     */
    private static int compareY(byte[] sig, byte[] limit, int yTop) {
        for (int i = limit.length - 1; i >= 0; i--) {
            int a = (i == limit.length - 1 && yTop >= 0) ? yTop : sig[i] & 0xff;
            int b = limit[i] & 0xff;
            if (a != b) {
                return a < b ? -1 : 1;
            }
        }
        return 0;
    }

    /** Compares {@code length} little-endian octets of {@code a} from {@code from} with {@code b}. */
    private static int compareLittleEndian(byte[] a, int from, byte[] b, int length) {
        for (int i = length - 1; i >= 0; i--) {
            int x = a[from + i] & 0xff;
            int y = b[i] & 0xff;
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
        return 0;
    }

    private static byte[] littleEndian(BigInteger v, int size) {
        byte[] be = v.toByteArray();
        byte[] out = new byte[size];
        for (int i = 0; i < size && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }
}
