package org.pccc.model.body;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.pccc.model.code.NoticeType;
import org.pccc.model.subject.Location;
import org.pccc.model.subject.Subject;

/**
 * A notice of an operation touching the partner's territory: hot pursuit, cross-border
 * surveillance, joint patrol, or an incident at the border. Immutable.
 *
 * @param noticeType the kind of operation
 * @param summary the operation in words
 * @param startsAt when it starts (or started), UTC
 * @param endsAt when it ends, UTC, or null if open
 * @param location where it takes place
 * @param subjects persons and vehicles involved
 * @param officers how many officers take part, or null
 */
public record OperationalNotice(
    @NotNull NoticeType noticeType,
    @NotBlank @Size(max = 2000) String summary,
    @NotNull Instant startsAt,
    Instant endsAt,
    @NotNull @Valid Location location,
    @Size(max = 50) List<@NotNull @Valid Subject> subjects,
    @PositiveOrZero Integer officers)
    implements Body {

  /** Copies the list; null becomes empty. */
  public OperationalNotice {
    subjects = subjects == null ? List.of() : List.copyOf(subjects);
  }
}
