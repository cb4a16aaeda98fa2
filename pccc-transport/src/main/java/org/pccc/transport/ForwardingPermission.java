package org.pccc.transport;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The provider's permission to pass on information received under handling code H2, as the
 * application recorded it (for example a reply message or a case reference). The node writes it
 * to the audit log with the forwarded message. Immutable.
 *
 * @param grantedByCentre the providing centre that gave permission
 * @param reference the reference of the permission (a message id or a case number; no personal data)
 * @param grantedAt when it was given
 */
public record ForwardingPermission(String grantedByCentre, String reference, Instant grantedAt) {

  /** Checks that every part is present. */
  public ForwardingPermission {
    Objects.requireNonNull(grantedByCentre, "grantedByCentre");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(grantedAt, "grantedAt");
  }

  /** Returns a permission given by a message of the provider. */
  public static ForwardingPermission byMessage(String centre, UUID permissionMessageId, Instant at) {
    return new ForwardingPermission(centre, permissionMessageId.toString(), at);
  }
}
