package org.pccc.crypto.pki;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The password that protects private keys at rest (encrypted PKCS#8 PEM, PKCS#12), taken from
 * where operators keep secrets: a file readable by the service only (for example a mounted
 * secret), or an environment variable. Never from a command-line argument, which other users of
 * the machine can read.
 *
 * <p>{@link #chars()} returns a copy; {@link #toString()} never shows the password. Thread-safe
 * (immutable).
 */
public final class KeyPassword {
  /** The longest password file read. */
  public static final int MAX_FILE_BYTES = 4096;

  private static final KeyPassword NONE = new KeyPassword(null, "none");

  private final char[] password;
  private final String source;

  private KeyPassword(char[] password, String source) {
    this.password = password;
    this.source = source;
  }

  /** No password: only unencrypted keys can be read. */
  public static KeyPassword none() {
    return NONE;
  }

  /**
   * A password given by the application.
   *
   * @param password a non-empty password (copied)
   * @return the password
   */
  public static KeyPassword of(char[] password) {
    if (Objects.requireNonNull(password, "password").length == 0) {
      throw new KeyLoadingException("the key password is empty");
    }
    return new KeyPassword(password.clone(), "the application");
  }

  /**
   * Reads the password from the first line of a file (a trailing newline is not part of it).
   *
   * @param file a regular file, not a symbolic link, of at most {@value #MAX_FILE_BYTES} bytes
   * @return the password
   * @throws KeyLoadingException if the file is missing, a link, too large, not UTF-8 or empty
   */
  public static KeyPassword fromFile(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new KeyLoadingException("the key password file is not a regular file: " + file);
    }
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new KeyLoadingException("the key password file is larger than " + MAX_FILE_BYTES + " bytes: " + file);
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new KeyLoadingException("the key password file cannot be read: " + file, e);
    }
    try {
      CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      int end = 0;
      while (end < decoded.length() && decoded.charAt(end) != '\n' && decoded.charAt(end) != '\r') {
        end++;
      }
      char[] chars = new char[end];
      decoded.get(chars, 0, end);
      Arrays.fill(decoded.array(), '\0');
      if (chars.length == 0) {
        throw new KeyLoadingException("the key password file is empty: " + file);
      }
      return new KeyPassword(chars, "file " + file);
    } catch (CharacterCodingException e) {
      throw new KeyLoadingException("the key password file is not UTF-8: " + file, e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Reads the password from an environment variable.
   *
   * @param variable the variable's name
   * @return the password
   * @throws KeyLoadingException if the variable is not set or empty
   */
  public static KeyPassword fromEnvironment(String variable) {
    Objects.requireNonNull(variable, "variable");
    String value = System.getenv(variable);
    if (value == null || value.isEmpty()) {
      throw new KeyLoadingException("the environment variable " + variable + " holding the key password is not set");
    }
    return new KeyPassword(value.toCharArray(), "environment variable " + variable);
  }

  /** True if a password is held. */
  public boolean isPresent() {
    return password != null;
  }

  /** Returns a copy of the password, or null for {@link #none()}. */
  public char[] chars() {
    return password == null ? null : password.clone();
  }

  /** Names where the password came from, never the password. */
  @Override
  public String toString() {
    return "KeyPassword[" + source + "]";
  }
}
