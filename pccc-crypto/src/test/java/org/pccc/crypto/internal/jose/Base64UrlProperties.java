package org.pccc.crypto.internal.jose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The one-pass strict decoder against the JDK's, on canonical and on arbitrary text. */
class Base64UrlProperties {
  private static final Base64.Encoder JDK_ENCODER = Base64.getUrlEncoder().withoutPadding();

  @Property
  void decodesWhatTheJdkEncodes(@ForAll @Size(max = 300) byte[] bytes) {
    String text = JDK_ENCODER.encodeToString(bytes);
    assertThat(Base64Url.decodeOrNull(text)).isEqualTo(bytes);
    byte[] ascii = ("xx" + text + "yy").getBytes(StandardCharsets.US_ASCII);
    assertThat(Base64Url.decodeOrNull(ascii, 2, text.length())).isEqualTo(bytes);
  }

  /** Accepts exactly the texts that are the canonical encoding of what they decode to. */
  @Property
  void acceptsOnlyCanonicalText(@ForAll("base64ish") String text) {
    byte[] decoded = Base64Url.decodeOrNull(text);
    byte[] fromBytes =
        Base64Url.decodeOrNull(text.getBytes(StandardCharsets.UTF_8), 0, text.getBytes(StandardCharsets.UTF_8).length);
    boolean canonical = isCanonical(text);
    if (canonical) {
      assertThat(decoded).isEqualTo(Base64.getUrlDecoder().decode(text));
      assertThat(fromBytes).isEqualTo(decoded);
    } else {
      assertThat(decoded).isNull();
      assertThat(fromBytes).isNull();
    }
  }

  @Test
  void refusesPaddingWhitespaceStandardAlphabetAndDanglingBits() {
    assertThat(Base64Url.decodeOrNull("QQ==")).isNull();
    assertThat(Base64Url.decodeOrNull("QQ")).containsExactly('A');
    assertThat(Base64Url.decodeOrNull("QR")).isNull(); // low bits set: a second spelling of "A"
    assertThat(Base64Url.decodeOrNull("QUI")).containsExactly('A', 'B');
    assertThat(Base64Url.decodeOrNull("QUJ")).isNull();
    assertThat(Base64Url.decodeOrNull("Q")).isNull();
    assertThat(Base64Url.decodeOrNull("QU I")).isNull();
    assertThat(Base64Url.decodeOrNull("+/")).isNull();
    assertThat(Base64Url.decodeOrNull("-_")).isNull(); // '_' carries low bits
    assertThat(Base64Url.decodeOrNull("-w")).containsExactly((byte) 0xfb);
    assertThat(Base64Url.decodeOrNull("")).isEmpty();
    assertThat(Base64Url.decodeOrNull("QUJD\u00e9")).isNull();
    byte[] nonAscii = {'Q', 'U', (byte) 0xc3, (byte) 0xa9};
    assertThat(Base64Url.decodeOrNull(nonAscii, 0, nonAscii.length)).isNull();
  }

  private static boolean isCanonical(String text) {
    if (!text.chars().allMatch(c -> c < 128 && "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".indexOf(c) >= 0)) {
      return false;
    }
    if (text.length() % 4 == 1) {
      return false;
    }
    byte[] decoded = Base64.getUrlDecoder().decode(text);
    return JDK_ENCODER.encodeToString(decoded).equals(text);
  }

  @Provide
  Arbitrary<String> base64ish() {
    return Arbitraries.strings()
        .withChars("ABCQRSTUVabcwxyz0189-_+/= \u00e9")
        .ofMaxLength(24);
  }
}
