package cn.onedoor.bridge;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a system signs its callbacks: {@code X-OneDoor-Signature: sha256=<hex HMAC-SHA256 of the raw
 * body with the system's callback secret>}. A signature, not the secret itself, travels, so a
 * logged request reveals nothing; a replayed body changes nothing because its callbackId was seen
 * before.
 */
public final class CallbackSignatures {

  public static final String HEADER = "X-OneDoor-Signature";
  private static final String PREFIX = "sha256=";

  private CallbackSignatures() {}

  public static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /**
   * Constant-time comparison, so response times tell an attacker nothing about how close a guess
   * was.
   */
  static boolean valid(String secret, byte[] body, String signature) {
    if (secret == null || secret.isBlank() || signature == null) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(secret, body).getBytes(StandardCharsets.UTF_8),
        signature.trim().getBytes(StandardCharsets.UTF_8));
  }
}
