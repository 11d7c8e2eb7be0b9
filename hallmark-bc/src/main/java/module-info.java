/**
 * Hallmark's Bouncy Castle verification engine: faster ES256/384/512 and EdDSA verification, used automatically when
 * this module is present. Signing stays on the JDK.
 */
module dev.hallmark.bc {
    requires dev.hallmark.core;
    requires org.bouncycastle.provider;

    provides dev.hallmark.spi.SignatureVerificationEngine with dev.hallmark.bc.BcVerificationEngine;
}
