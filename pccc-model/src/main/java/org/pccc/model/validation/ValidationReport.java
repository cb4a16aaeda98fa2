package org.pccc.model.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The result of validating a message: every issue found, errors and warnings. Immutable.
 *
 * @param issues the issues, sorted by pointer then code
 */
public record ValidationReport(List<ValidationIssue> issues) {
  // Before EMPTY, which the constructor sorts with it; made once, as every read makes reports.
  private static final Comparator<ValidationIssue> ORDER =
      Comparator.comparing(ValidationIssue::pointer)
          .thenComparing(i -> i.code().code())
          .thenComparing(ValidationIssue::message);
  private static final ValidationReport EMPTY = new ValidationReport(List.of());

  /** Copies and sorts the issues so that reports compare equal regardless of discovery order. */
  public ValidationReport {
    List<ValidationIssue> sorted = new ArrayList<>(issues);
    sorted.sort(ORDER);
    issues = List.copyOf(sorted);
  }

  /** Returns a report without issues. */
  public static ValidationReport ok() {
    return EMPTY;
  }

  /** Returns a report with one issue. */
  public static ValidationReport of(ValidationCode code, String pointer, String message) {
    return new ValidationReport(List.of(ValidationIssue.of(code, pointer, message)));
  }

  /** True if there is no issue of severity {@link Severity#ERROR}. */
  public boolean isValid() {
    return issues.stream().noneMatch(i -> i.severity() == Severity.ERROR);
  }

  /** Returns the issues of severity {@link Severity#ERROR}. */
  public List<ValidationIssue> errors() {
    return issues.stream().filter(i -> i.severity() == Severity.ERROR).collect(Collectors.toList());
  }

  /** Returns the issues of severity {@link Severity#WARNING}. */
  public List<ValidationIssue> warnings() {
    return issues.stream().filter(i -> i.severity() == Severity.WARNING).collect(Collectors.toList());
  }

  /** Returns the distinct stable codes in this report, such as {@code PCCC-0308}. */
  public Set<String> codes() {
    return issues.stream().map(i -> i.code().code()).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Returns a report with the issues of both. */
  public ValidationReport plus(ValidationReport other) {
    List<ValidationIssue> all = new ArrayList<>(issues);
    all.addAll(other.issues);
    return new ValidationReport(all);
  }

  @Override
  public String toString() {
    if (issues.isEmpty()) {
      return "valid";
    }
    return issues.stream().map(ValidationIssue::toString).collect(Collectors.joining("\n"));
  }
}
