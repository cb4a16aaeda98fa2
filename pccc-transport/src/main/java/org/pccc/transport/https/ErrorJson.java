package org.pccc.transport.https;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error body {@code {"code":"PCCC-3002","message":"…"}}: written by the server, and read by the
 * client only as far as the code, which must look like a PCCC code, so that nothing else a server
 * sends ends up in an exception message or a log.
 */
final class ErrorJson {
  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"(PCCC-[0-9]{4})\"");

  private ErrorJson() {}

  static byte[] write(String code, String message) {
    return ("{\"code\":" + quote(code) + ",\"message\":" + quote(message) + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static Optional<String> code(byte[] body) {
    if (body == null || body.length == 0) {
      return Optional.empty();
    }
    Matcher m = CODE.matcher(new String(body, StandardCharsets.UTF_8));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          b.append("\\\"");
          break;
        case '\\':
          b.append("\\\\");
          break;
        case '\n':
          b.append("\\n");
          break;
        case '\r':
          b.append("\\r");
          break;
        case '\t':
          b.append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
      }
    }
    return b.append('"').toString();
  }
}
