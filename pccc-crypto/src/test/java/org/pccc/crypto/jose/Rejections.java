package org.pccc.crypto.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.pccc.crypto.CryptoConfigurationException;
import org.pccc.crypto.EnvelopeRejectedException;
import org.pccc.crypto.ErrorCode;

/** Assertions on the exception family. */
final class Rejections {
  private Rejections() {}

  static void assertRejected(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call)
        .isExactlyInstanceOf(EnvelopeRejectedException.class)
        .satisfies(
            e -> {
              assertThat(((EnvelopeRejectedException) e).errorCode()).isEqualTo(code);
              assertThat(((EnvelopeRejectedException) e).code()).isEqualTo(code.code());
              assertThat(e.getMessage()).startsWith(code.code() + ": ");
            });
  }

  static void assertMisconfigured(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call)
        .isExactlyInstanceOf(CryptoConfigurationException.class)
        .satisfies(e -> assertThat(((CryptoConfigurationException) e).errorCode()).isEqualTo(code));
  }

  static String b64u(String text) {
    return b64u(text.getBytes(StandardCharsets.UTF_8));
  }

  static String b64u(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
