package org.pccc.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * The result of a conformance run: one {@link VectorResult} per vector, totals, and the verdict.
 * The run passes when at least one vector ran and none failed; warnings do not fail it.
 * Immutable and thread-safe.
 *
 * @param adapter a description of the adapter under test
 * @param vectors the vectors folder
 * @param results one result per vector, in the order they ran
 */
public record ConformanceReport(String adapter, String vectors, List<VectorResult> results) {

  /** Copies the results. */
  public ConformanceReport {
    Objects.requireNonNull(adapter, "adapter");
    Objects.requireNonNull(vectors, "vectors");
    results = List.copyOf(results);
  }

  /** Returns whether the adapter conforms: at least one vector ran and none failed. */
  public boolean passed() {
    return !results.isEmpty() && failed() == 0;
  }

  /** Returns the number of vectors that passed without a warning. */
  public long passedCount() {
    return count(VectorResult.Status.PASS);
  }

  /** Returns the number of vectors that passed with a warning. */
  public long warnings() {
    return count(VectorResult.Status.WARN);
  }

  /** Returns the number of vectors that failed. */
  public long failed() {
    return count(VectorResult.Status.FAIL);
  }

  /** Returns the failed vectors. */
  public List<VectorResult> failures() {
    return results.stream().filter(r -> r.status() == VectorResult.Status.FAIL).toList();
  }

  private long count(VectorResult.Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  /** Returns a human-readable report: failures and warnings with reasons, then the totals. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("PCCC conformance: ").append(adapter).append('\n');
    out.append("vectors: ").append(vectors).append('\n');
    for (VectorResult r : results) {
      out.append(String.format("%-4s %s", r.status(), r.id()));
      if (!r.reason().isEmpty()) {
        out.append(" - ").append(r.reason());
      }
      out.append('\n');
      if (r.status() == VectorResult.Status.FAIL && !r.transcript().isEmpty()) {
        for (String line : r.transcript().split("\n", -1)) {
          out.append("       | ").append(line).append('\n');
        }
      }
    }
    out.append(String.format("total %d: %d passed, %d passed with warnings, %d failed%n",
        results.size(), passedCount(), warnings(), failed()));
    out.append(passed() ? "RESULT: PASS" : "RESULT: FAIL").append('\n');
    return out.toString();
  }

  /** Returns the report as JSON: {@code {"passed","adapter","vectors","totals","results":[...]}}. */
  public String toJson() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("passed", passed());
    root.put("adapter", adapter);
    root.put("vectors", vectors);
    ObjectNode totals = root.putObject("totals");
    totals.put("total", results.size());
    totals.put("passed", passedCount());
    totals.put("warnings", warnings());
    totals.put("failed", failed());
    ArrayNode list = root.putArray("results");
    for (VectorResult r : results) {
      ObjectNode n = list.addObject();
      n.put("group", r.group());
      n.put("vector", r.vector());
      n.put("status", r.status().name());
      n.put("reason", r.reason());
      if (!r.transcript().isEmpty()) {
        n.put("transcript", r.transcript());
      }
    }
    try {
      return mapper.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a report tree always serializes", e);
    }
  }
}
