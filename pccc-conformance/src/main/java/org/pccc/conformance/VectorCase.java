package org.pccc.conformance;

import java.util.Objects;
import java.util.function.Function;

/**
 * One check of the suite: a vector and what to do with the adapter to check it. Immutable.
 */
public final class VectorCase {
  private final String group;
  private final String name;
  private final Function<Adapter, VectorResult> check;

  VectorCase(String group, String name, Function<Adapter, VectorResult> check) {
    this.group = Objects.requireNonNull(group, "group");
    this.name = Objects.requireNonNull(name, "name");
    this.check = Objects.requireNonNull(check, "check");
  }

  /** Returns the group, for example {@code messages/valid}. */
  public String group() {
    return group;
  }

  /** Returns the vector's name. */
  public String name() {
    return name;
  }

  /** Returns {@code group/name}. */
  public String id() {
    return group + "/" + name;
  }

  /**
   * Runs the check against an adapter. Never throws for anything the adapter does: a crash, a
   * timeout or unreadable output is a failed result.
   */
  public VectorResult run(Adapter adapter) {
    try {
      return check.apply(adapter);
    } catch (AdapterException e) {
      return new VectorResult(group, name, VectorResult.Status.FAIL, e.getMessage(), e.transcript());
    } catch (RuntimeException e) {
      return new VectorResult(group, name, VectorResult.Status.FAIL,
          "the check failed with " + e.getClass().getSimpleName() + ": " + e.getMessage(), "");
    }
  }

  @Override
  public String toString() {
    return id();
  }
}
