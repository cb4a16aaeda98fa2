package org.pccc.cli;

import org.pccc.model.Message;
import org.pccc.model.json.PcccJson;
import org.pccc.model.json.ReadResult;
import org.pccc.model.validation.ValidationException;

/** Reading a message that a command is about to seal or send. */
final class Messages {
  private Messages() {}

  /** Reads and validates a message file; an invalid message is rejected input (exit 1). */
  static Message readValid(String file) {
    ReadResult read = PcccJson.create().read(Inputs.read(file, "message file"));
    if (read instanceof ReadResult.Accepted a) {
      return a.message();
    }
    var errors = read.report().errors();
    String first = errors.isEmpty() ? ValidationException.NO_ERROR : errors.get(0).code().code();
    throw new CliException(ExitCodes.REJECTED, first,
        "the message in " + file + " is not valid: " + read.report().codes()
            + " (run pccc validate for the pointers)");
  }
}
