package org.pccc.model;

/**
 * Regular expressions shared by the Java constraints and the exported JSON Schema, so that both
 * accept exactly the same strings.
 */
public final class Patterns {
  private Patterns() {}

  /** A centre identifier registered in the network directory, for example {@code MK-RS-TABANOVCE}. */
  public static final String CENTRE_ID = "^[A-Z0-9](?:[A-Z0-9-]{0,62}[A-Z0-9])?$";

  /** A border crossing point code: country, hyphen, name, for example {@code MK-TABANOVCE}. */
  public static final String CROSSING_POINT = "^[A-Z]{2}-[A-Z0-9-]{2,40}$";

  /** A lower-case hex SHA-256 digest. */
  public static final String SHA256_HEX = "^[0-9a-f]{64}$";

  /** A media type such as {@code image/jpeg} (RFC 6838 names, no parameters). */
  public static final String MEDIA_TYPE = "^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}$";

  /** An error code of this SDK, for example {@code PCCC-2007}. */
  public static final String ERROR_CODE = "^PCCC-[0-9]{4}$";

  /** A schema version {@code major.minor}. */
  public static final String VERSION = "^1\\.[0-9]{1,3}$";

  /** Any schema version {@code major.minor}, as a centre may list versions it reads. */
  public static final String ANY_VERSION = "^[0-9]{1,3}\\.[0-9]{1,3}$";

  /** A document number as printed: letters, digits, and the filler or hyphen. */
  public static final String DOCUMENT_NUMBER = "^[A-Z0-9<-]{1,40}$";

  /** Standard base64 (RFC 4648 section 4) with padding. */
  public static final String BASE64 = "^[A-Za-z0-9+/]*={0,2}$";
}
