package org.pccc.transport.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The node's journal of sends to several recipients in progress: before a message's outbox
 * entries are added one by one, {@link #begin} records which recipients it is for; once all are
 * in, {@link #end} removes the record. A record still there at the next start names a send that a
 * crash interrupted, whose entries the node takes out again so that the message is in the outbox
 * for every recipient or for none. One small file per message ({@code <messageId>.enqueue}, a
 * recipient centre per line), written with the stores' durable-write helper. Thread-safe
 * (stateless apart from the folder).
 */
public final class EnqueueJournal {
  private static final String SUFFIX = ".enqueue";

  private final Path folder;

  private EnqueueJournal(Path folder) {
    this.folder = folder;
  }

  /**
   * Opens (creating if needed) a journal folder.
   *
   * @param folder the folder
   * @throws StoreException {@link StoreException#IO} if it cannot be created
   */
  public static EnqueueJournal open(Path folder) {
    Objects.requireNonNull(folder, "folder");
    try {
      DurableFiles.createDirectoryDurably(folder);
      DurableFiles.deleteTempFiles(folder);
    } catch (IOException e) {
      throw DurableFiles.io("opening the enqueue journal", e);
    }
    return new EnqueueJournal(folder);
  }

  /**
   * Records durably that a message is being enqueued for these recipients.
   *
   * @param messageId the message
   * @param recipientCentres the recipients whose entries are about to be added
   */
  public void begin(UUID messageId, List<String> recipientCentres) {
    StringBuilder lines = new StringBuilder();
    for (String centre : recipientCentres) {
      if (!DurableFiles.CENTRE_ID.matcher(centre).matches()) {
        throw new IllegalArgumentException("not a centre id");
      }
      lines.append(centre).append('\n');
    }
    try {
      DurableFiles.replace(folder.resolve(messageId + SUFFIX), lines.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw DurableFiles.io("journalling the send of " + messageId, e);
    }
  }

  /** Removes a message's record durably: its enqueue completed or was undone. */
  public void end(UUID messageId) {
    try {
      DurableFiles.deleteDurably(folder.resolve(messageId + SUFFIX));
    } catch (IOException e) {
      throw DurableFiles.io("ending the journal record of " + messageId, e);
    }
  }

  /** Returns the records left by interrupted sends: message id to the recipients it named. */
  public Map<UUID, List<String>> interrupted() {
    Map<UUID, List<String>> out = new LinkedHashMap<>();
    try {
      for (Path f : DurableFiles.list(folder)) {
        String name = f.getFileName().toString();
        if (!name.endsWith(SUFFIX)) {
          continue;
        }
        UUID id = UUID.fromString(name.substring(0, name.length() - SUFFIX.length()));
        List<String> centres = new ArrayList<>();
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            centres.add(line.strip());
          }
        }
        out.put(id, List.copyOf(centres));
      }
    } catch (IOException e) {
      throw DurableFiles.io("reading the enqueue journal", e);
    }
    return out;
  }
}
