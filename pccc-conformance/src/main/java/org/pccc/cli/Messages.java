package org.pccc.cli;

import org.pccc.model.Message;
import org.pccc.model.json.PcccJson;
import org.pccc.model.json.ReadResult;
import org.pccc.model.validation.ValidationCode;
import org.pccc.model.validation.ValidationException;
import org.pccc.model.validation.ValidationReport;

/** Reading a message that a command is about to seal or send. */
final class Messages {
  private Messages() {}

  /**
   * Reads and validates a message file with the model's default limits. A file over the document
   * size limit is rejected with the model's {@code LIMIT_EXCEEDED} code, read no further than the limit.
   */
  static ReadResult read(PcccJson reader, String file) {
    byte[] bytes = Inputs.readDocument(file, "message file", PcccJson.DEFAULT_MAX_DOCUMENT_BYTES);
    if (bytes.length > PcccJson.DEFAULT_MAX_DOCUMENT_BYTES) {
      return new ReadResult.Rejected(ValidationReport.of(ValidationCode.LIMIT_EXCEEDED, "",
          "the document is larger than the limit of " + PcccJson.DEFAULT_MAX_DOCUMENT_BYTES + " bytes"));
    }
    return reader.read(bytes);
  }

  /** Reads and validates a message file; an invalid message is rejected input (exit 1). */
  static Message readValid(String file) {
    ReadResult read = read(PcccJson.create(), file);
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
