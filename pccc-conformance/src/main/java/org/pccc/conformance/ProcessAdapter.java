package org.pccc.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * An adapter that is an external command: the suite appends the protocol's arguments to the
 * command template and runs it, one process per call, with a timeout. The template is split into
 * words like a POSIX shell would for simple quoting (blanks separate words; single quotes keep
 * everything literally; double quotes keep blanks, with backslash escaping {@code "} and
 * {@code \}; a backslash outside quotes escapes the next character). No variables, globs or pipes.
 *
 * <p>Not thread-safe in the sense that it writes temporary files per call; each call is
 * independent.
 */
public final class ProcessAdapter implements Adapter {
  /** Default time one call may take. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  /** How many characters of stdout and of stderr the report keeps per call. */
  public static final int MAX_TRANSCRIPT_CHARS = 2_000;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String template;
  private final List<String> command;
  private final Duration timeout;
  private final Path workingDirectory;

  private ProcessAdapter(String template, Duration timeout, Path workingDirectory) {
    this.template = template;
    this.command = split(template);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("the adapter command is empty");
    }
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.workingDirectory = workingDirectory;
  }

  /**
   * Returns an adapter running the command template from the current directory.
   *
   * @param template for example {@code node adapters/node/adapter.mjs}
   * @param timeout how long one call may take
   * @throws IllegalArgumentException if the template is empty or its quotes do not close
   */
  public static ProcessAdapter of(String template, Duration timeout) {
    return new ProcessAdapter(template, timeout, null);
  }

  /** Returns a copy that runs the command in the given folder. */
  public ProcessAdapter inDirectory(Path folder) {
    return new ProcessAdapter(template, timeout, folder);
  }

  /** Returns the command words the template was split into. */
  public List<String> command() {
    return command;
  }

  @Override
  public String describe() {
    return template;
  }

  @Override
  public Validation validate(Path message) {
    Call call = run(List.of("validate", "--json", message.toString()));
    JsonNode out = call.requireJson(0, 1);
    if (!out.path("valid").isBoolean()) {
      throw new AdapterException("stdout has no boolean \"valid\"", call.transcript());
    }
    boolean valid = out.get("valid").asBoolean();
    if (valid != (call.exitCode == 0)) {
      throw new AdapterException("exit code " + call.exitCode + " contradicts \"valid\": " + valid,
          call.transcript());
    }
    List<String> codes = null;
    if (out.path("codes").isArray()) {
      codes = new ArrayList<>();
      for (JsonNode c : out.get("codes")) {
        codes.add(c.asText());
      }
    }
    return new Validation(valid, codes, call.transcript());
  }

  @Override
  public Opening open(Path keys, Path directory, Path coordinator, Instant at, Path envelope) {
    Call call = run(List.of("open", "--json", "--keys", keys.toString(), "--directory", directory.toString(),
        "--coordinator", coordinator.toString(), "--at", at.toString(), envelope.toString()));
    JsonNode out = call.requireJson(0, 1);
    if (!out.path("ok").isBoolean()) {
      throw new AdapterException("stdout has no boolean \"ok\"", call.transcript());
    }
    boolean ok = out.get("ok").asBoolean();
    if (ok != (call.exitCode == 0)) {
      throw new AdapterException("exit code " + call.exitCode + " contradicts \"ok\": " + ok, call.transcript());
    }
    JsonNode message = out.get("message");
    String code = out.path("code").isTextual() ? out.get("code").asText() : null;
    return new Opening(ok, message, code, call.transcript());
  }

  @Override
  public Sealing seal(Path keys, Path directory, Path coordinator, Path out, Path message) {
    Call call = run(List.of("seal", "--keys", keys.toString(), "--directory", directory.toString(),
        "--coordinator", coordinator.toString(), "--out", out.toString(), message.toString()));
    if (call.exitCode != 0 && call.exitCode != 1) {
      throw new AdapterException("exit code " + call.exitCode + " (the protocol allows 0 or 1)", call.transcript());
    }
    return new Sealing(call.exitCode == 0, call.transcript());
  }

  private Call run(List<String> arguments) {
    List<String> words = new ArrayList<>(command);
    words.addAll(arguments);
    Path stdout = null;
    Path stderr = null;
    try {
      stdout = Files.createTempFile("pccc-adapter-", ".out");
      stderr = Files.createTempFile("pccc-adapter-", ".err");
      ProcessBuilder pb = new ProcessBuilder(words)
          .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
          .redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile());
      if (workingDirectory != null) {
        pb.directory(workingDirectory.toFile());
      }
      Process process;
      try {
        process = pb.start();
      } catch (IOException e) {
        throw new AdapterException("the adapter could not be started: " + e.getMessage(), "");
      }
      boolean finished;
      try {
        finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new AdapterException("interrupted while waiting for the adapter", "");
      }
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AdapterException("the adapter did not finish within " + timeout.toMillis() + " ms",
            transcript(words, -1, read(stdout), read(stderr)));
      }
      int exit = process.exitValue();
      String out = read(stdout);
      String err = read(stderr);
      return new Call(exit, out, transcript(words, exit, out, err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(stdout);
      deleteQuietly(stderr);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // A leftover temporary file is harmless.
      }
    }
  }

  private static String transcript(List<String> words, int exit, String out, String err) {
    StringBuilder b = new StringBuilder();
    b.append("$ ").append(String.join(" ", words)).append('\n');
    b.append("exit: ").append(exit < 0 ? "timeout" : Integer.toString(exit)).append('\n');
    b.append("stdout: ").append(truncate(out.strip())).append('\n');
    b.append("stderr: ").append(truncate(err.strip()));
    return b.toString();
  }

  static String truncate(String text) {
    return text.length() <= MAX_TRANSCRIPT_CHARS
        ? text
        : text.substring(0, MAX_TRANSCRIPT_CHARS) + "... [" + (text.length() - MAX_TRANSCRIPT_CHARS) + " more chars]";
  }

  private record Call(int exitCode, String stdout, String transcript) {
    JsonNode requireJson(int... allowedExits) {
      boolean allowed = false;
      for (int e : allowedExits) {
        allowed |= e == exitCode;
      }
      if (!allowed) {
        throw new AdapterException("exit code " + exitCode + " (the protocol allows 0 or 1)", transcript);
      }
      try {
        JsonNode node = MAPPER.readTree(stdout);
        if (node == null || !node.isObject()) {
          throw new AdapterException("stdout is not a JSON object", transcript);
        }
        return node;
      } catch (IOException e) {
        throw new AdapterException("stdout is not JSON", transcript);
      }
    }
  }

  /**
   * Splits a command template into words, like a POSIX shell for simple quoting.
   *
   * @throws IllegalArgumentException if a quote is not closed or the template ends in a backslash
   */
  static List<String> split(String template) {
    Objects.requireNonNull(template, "template");
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '\'') {
        int end = template.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed single quote in the adapter command");
        }
        word.append(template, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i++;
        boolean closed = false;
        while (i < template.length()) {
          char d = template.charAt(i);
          if (d == '"') {
            closed = true;
            i++;
            break;
          }
          if (d == '\\' && i + 1 < template.length()
              && (template.charAt(i + 1) == '"' || template.charAt(i + 1) == '\\')) {
            word.append(template.charAt(i + 1));
            i += 2;
          } else {
            word.append(d);
            i++;
          }
        }
        if (!closed) {
          throw new IllegalArgumentException("unclosed double quote in the adapter command");
        }
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 >= template.length()) {
          throw new IllegalArgumentException("the adapter command ends in a backslash");
        }
        word.append(template.charAt(i + 1));
        inWord = true;
        i += 2;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return List.copyOf(words);
  }
}
