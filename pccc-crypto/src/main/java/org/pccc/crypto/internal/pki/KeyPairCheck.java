package org.pccc.crypto.internal.pki;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import org.pccc.crypto.pki.KeyAlgorithm;
import org.pccc.crypto.pki.KeyLoadingException;

/**
 * Checks that a private key belongs to a public key by using it: a signing key signs a probe that
 * the public key must verify; a key agreement key must reach the same shared secret as the public
 * key with a throw-away key pair. This works for any provider, including keys that cannot be
 * exported. Stateless and thread-safe.
 */
public final class KeyPairCheck {
  private static final byte[] PROBE =
      "PCCC key pair check: does this private key belong to the certificate?"
          .getBytes(StandardCharsets.US_ASCII);

  private KeyPairCheck() {}

  /**
   * Fails unless the private key and the public key are of the same supported algorithm and belong
   * together.
   */
  public static KeyAlgorithm requireMatch(PrivateKey privateKey, PublicKey publicKey) {
    KeyAlgorithm privateAlgorithm = KeyAlgorithm.of(privateKey);
    KeyAlgorithm publicAlgorithm = KeyAlgorithm.of(publicKey);
    if (privateAlgorithm != publicAlgorithm) {
      throw new KeyLoadingException(
          "the private key is "
              + privateAlgorithm
              + " but the certificate's public key is "
              + publicAlgorithm);
    }
    boolean matches;
    try {
      matches =
          privateAlgorithm.canSign()
              ? signatureMatches(privateAlgorithm, privateKey, publicKey)
              : agreementMatches(privateAlgorithm, privateKey, publicKey);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new KeyLoadingException(
          "cannot check that the " + privateAlgorithm + " private key matches the certificate", e);
    }
    if (!matches) {
      throw new KeyLoadingException(
          "the " + privateAlgorithm + " private key does not belong to the certificate");
    }
    return privateAlgorithm;
  }

  private static boolean signatureMatches(
      KeyAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey)
      throws GeneralSecurityException {
    Signature signer = Signature.getInstance(algorithm.jcaSignatureAlgorithm());
    signer.initSign(privateKey);
    signer.update(PROBE);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(algorithm.jcaSignatureAlgorithm());
    verifier.initVerify(publicKey);
    verifier.update(PROBE);
    return verifier.verify(signature);
  }

  private static boolean agreementMatches(
      KeyAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey)
      throws GeneralSecurityException {
    KeyPair ephemeral = algorithm.generateKeyPair(new SecureRandom());
    byte[] ours = agree(algorithm, privateKey, ephemeral.getPublic());
    byte[] theirs = agree(algorithm, ephemeral.getPrivate(), publicKey);
    try {
      return MessageDigest.isEqual(ours, theirs);
    } finally {
      Arrays.fill(ours, (byte) 0);
      Arrays.fill(theirs, (byte) 0);
    }
  }

  private static byte[] agree(KeyAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey)
      throws GeneralSecurityException {
    KeyAgreement agreement = KeyAgreement.getInstance(algorithm.jcaKeyAgreementAlgorithm());
    agreement.init(privateKey);
    agreement.doPhase(publicKey, true);
    return agreement.generateSecret();
  }
}
