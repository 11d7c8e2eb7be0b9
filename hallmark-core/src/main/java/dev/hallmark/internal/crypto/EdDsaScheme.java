package dev.hallmark.internal.crypto;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;

/**
 * EdDSA (RFC 8037 §3.1) with Ed25519 or Ed448: exact signature length, and S below the group order L checked here
 * (RFC 8032 §5.1.7 step 1) so malleable signatures fail whatever the provider does.
 */
public final class EdDsaScheme extends JcaSignatureScheme {

    private static final BigInteger L25519 = BigInteger.TWO.pow(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));
    private static final BigInteger L448 = BigInteger.TWO.pow(446)
            .subtract(new BigInteger("13818066809895115352007386748515426880336692474882178609894547503885"));

    public EdDsaScheme() {
        super("EdDSA", null);
    }

    @Override
    protected boolean lengthOk(PublicKey key, byte[] signature) {
        boolean ed448 = "Ed448".equals(((EdECPublicKey) key).getParams().getName());
        int half = ed448 ? 57 : 32;
        if (signature.length != 2 * half) {
            return false;
        }
        byte[] sBe = new byte[half];
        for (int i = 0; i < half; i++) {
            sBe[i] = signature[2 * half - 1 - i];
        }
        BigInteger s = new BigInteger(1, sBe);
        if (s.compareTo(ed448 ? L448 : L25519) >= 0) {
            return false;
        }
        // R must be a canonical point encoding (y below p); the JDK decodes it leniently in some versions.
        byte[] r = java.util.Arrays.copyOfRange(signature, 0, half);
        OkpCurve curve = ed448 ? OkpCurve.ED448 : OkpCurve.ED25519;
        return curve.decodeEdwardsPoint(r).isPresent();
    }
}
