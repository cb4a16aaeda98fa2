package org.pccc.model.body;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.pccc.model.Patterns;

/**
 * A reference to an attachment (photo, scanned document): its media type, size and SHA-256,
 * and for small files the content inline as base64. Validation checks that inline content
 * matches the declared size and digest. Immutable.
 *
 * @param name a file name without path, for example {@code plate.jpg}
 * @param mediaType the media type, for example {@code image/jpeg}
 * @param sizeBytes the size in bytes
 * @param sha256 the lower-case hex SHA-256 of the content
 * @param inlineBase64 the content in standard base64, at most {@link #MAX_INLINE_BYTES} decoded
 */
public record AttachmentRef(
    @NotBlank @Size(max = 255) @Pattern(regexp = "^[^/\\\\\\u0000-\\u001f]+$") String name,
    @NotNull @Pattern(regexp = Patterns.MEDIA_TYPE) String mediaType,
    @NotNull @PositiveOrZero Long sizeBytes,
    @NotNull @Pattern(regexp = Patterns.SHA256_HEX) String sha256,
    @Size(max = AttachmentRef.MAX_INLINE_BASE64_CHARS) @Pattern(regexp = Patterns.BASE64) String inlineBase64) {

  /** The largest attachment that may travel inline, in bytes (64 KiB). */
  public static final int MAX_INLINE_BYTES = 65536;

  /** The base64 length of {@link #MAX_INLINE_BYTES}. */
  public static final int MAX_INLINE_BASE64_CHARS = 87384;
}
