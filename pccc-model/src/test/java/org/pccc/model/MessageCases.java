package org.pccc.model;

import static org.pccc.model.JsonEdits.edit;
import static org.pccc.model.JsonEdits.replaceText;
import static org.pccc.model.JsonEdits.with;
import static org.pccc.model.JsonEdits.without;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.pccc.model.validation.ValidationCode;

/**
 * A catalogue of invalid messages, each derived from an example of the corpus by one mutation,
 * with the one issue the SDK must report (code and JSON Pointer), what an independent JSON Schema
 * validator must say about it, and a valid counterpart (usually the boundary on the other side of
 * the rule). {@code ValidationRulesTest} checks the Java side, {@code SchemaAgreementTest} the
 * schema side.
 */
public final class MessageCases {
  private MessageCases() {}

  /** What the shipped JSON Schema must say about the invalid input. */
  public enum SchemaVerdict {
    /** The schema rejects it, as it must for every code JSON Schema can express. */
    REJECTS,
    /** The schema accepts it; allowed only for codes in {@code JsonSchemas.NOT_EXPRESSIBLE_IN_SCHEMA}. */
    ACCEPTS,
    /** The input is not JSON at all, so no schema validator can even read it. */
    NOT_JSON
  }

  /**
   * One invalid message and its valid counterpart.
   *
   * @param name what the mutation does
   * @param code the code the SDK must report
   * @param pointer where it must report it
   * @param invalid the invalid input
   * @param valid a valid input differing from it only in the mutated place
   * @param schema what the JSON Schema must say about the invalid input
   */
  public record Case(String name, ValidationCode code, String pointer, byte[] invalid, byte[] valid,
      SchemaVerdict schema) {

    Case schemaAccepts() {
      return new Case(name, code, pointer, invalid, valid, SchemaVerdict.ACCEPTS);
    }

    Case notJson() {
      return new Case(name, code, pointer, invalid, valid, SchemaVerdict.NOT_JSON);
    }

    Case valid(byte[] counterpart) {
      return new Case(name, code, pointer, invalid, counterpart, schema);
    }

    @Override
    public String toString() {
      return code + " " + pointer + ": " + name;
    }
  }

  static Case of(String name, ValidationCode code, String pointer, String example, byte[] invalid) {
    return new Case(name, code, pointer, invalid, Examples.read(example), SchemaVerdict.REJECTS);
  }

  static JsonNode json(String text) {
    try {
      return JsonEdits.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String repeat(String s, int length) {
    StringBuilder b = new StringBuilder();
    while (b.length() < length) {
      b.append(s);
    }
    b.setLength(length);
    return b.toString();
  }

  // Examples used below.
  static final String ALERT = "alert-stolen-vehicle.json";
  static final String ERROR = "error.json";
  static final String NOTICE = "notice-hot-pursuit.json";
  static final String RECEIPT = "receipt.json";
  static final String CLARIFICATION = "reply-clarification.json";
  static final String DELAY = "reply-delay.json";
  static final String HIT = "reply-hit-vehicle.json";
  static final String REFUSAL = "reply-refusal.json";
  static final String CUSTOMS = "request-customs-consignment.json";
  static final String PERSON = "request-person-document.json";
  static final String URGENT = "request-vehicle-urgent.json";
  static final String SITUATION = "situation-report.json";

  static final String PERSON_JSON =
      "{\"type\": \"person\", \"names\": [{\"surname\": \"Петровић\", \"script\": \"Cyrl\", \"form\": \"ORIGINAL\"}]}";

  /** An inline attachment of the three bytes {@code abc}. */
  static ObjectNode attachment(long size, String sha256, String base64) {
    return (ObjectNode) json("{\"name\": \"plate.jpg\", \"mediaType\": \"image/jpeg\", \"sizeBytes\": " + size
        + ", \"sha256\": \"" + sha256 + "\", \"inlineBase64\": \"" + base64 + "\"}");
  }

  static final String ABC_SHA256 = HexFormat.of().formatHex(
      MessageArbitraries.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
  static final String ABC_BASE64 = Base64.getEncoder().encodeToString("abc".getBytes(StandardCharsets.US_ASCII));

  static byte[] hitWithAttachment(JsonNode attachment) {
    return edit(HIT, e -> e.set("/body/attachments", List.of(attachment)));
  }

  /** Every case, in a stable order (built once: some inputs are megabytes). */
  public static List<Case> all() {
    return Holder.ALL;
  }

  private static final class Holder {
    static final List<Case> ALL = build();
  }

  private static List<Case> build() {
    List<Case> c = new ArrayList<>();
    reading(c);
    fieldConstraints(c);
    crossFieldRules(c);
    identifiers(c);
    return Collections.unmodifiableList(c);
  }

  // ---------------------------------------------------------------- reading

  private static void reading(List<Case> c) {
    byte[] error = Examples.read(ERROR);
    c.add(of("truncated document", ValidationCode.MALFORMED_JSON, "", ERROR,
        Arrays.copyOf(error, error.length / 2)).notJson());
    byte[] badUtf8 = replaceText(ERROR, "The reply", "The \u00e9reply");
    int at = indexOf(badUtf8, (byte) 0xC3);
    badUtf8[at + 1] = (byte) 0x28; // C3 28: a lead byte without its continuation byte
    c.add(of("invalid UTF-8 byte sequence", ValidationCode.MALFORMED_JSON, "", ERROR, badUtf8).notJson());
    c.add(of("not JSON at all", ValidationCode.MALFORMED_JSON, "", ERROR,
        "pccc: 1.0".getBytes(StandardCharsets.UTF_8)).notJson());

    c.add(of("document larger than 2 MiB (whitespace padding)", ValidationCode.LIMIT_EXCEEDED, "", ERROR,
        concat(error, " ".repeat(2 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII))).schemaAccepts());
    c.add(of("nesting deeper than 32 in an unknown field", ValidationCode.LIMIT_EXCEEDED, "", ERROR,
        with(ERROR, "/header/extension", json("[".repeat(40) + "]".repeat(40)))).schemaAccepts());
    c.add(of("string longer than 100,000 characters in an unknown field", ValidationCode.LIMIT_EXCEEDED, "", ERROR,
        with(ERROR, "/header/extension", "x".repeat(100_001))).schemaAccepts());
    c.add(of("number of 400 digits in an unknown field", ValidationCode.LIMIT_EXCEEDED, "", ERROR,
        replaceText(ERROR, "\"urgency\"", "\"extension\": " + "9".repeat(400) + ", \"urgency\"")).schemaAccepts());

    c.add(of("integer field given as string", ValidationCode.WRONG_TYPE, "/body/officers", NOTICE,
        with(NOTICE, "/body/officers", "two")));
    c.add(of("integer field given a fraction", ValidationCode.WRONG_TYPE, "/body/officers", NOTICE,
        with(NOTICE, "/body/officers", 2.5)));
    c.add(of("boolean field given as string", ValidationCode.WRONG_TYPE, "/body/copyToSpoc", URGENT,
        with(URGENT, "/body/copyToSpoc", "yes")));
    c.add(of("boolean field given as number", ValidationCode.WRONG_TYPE, "/body/copyToSpoc", URGENT,
        with(URGENT, "/body/copyToSpoc", 1)));
    // A primitive cannot be absent in Java, so the reader refuses a missing one (as the wrong type).
    c.add(of("boolean field missing", ValidationCode.WRONG_TYPE, "/body/copyToSpoc", URGENT,
        without(URGENT, "/body/copyToSpoc")));
    c.add(of("text field given as number", ValidationCode.WRONG_TYPE, "/body/summary", ALERT,
        with(ALERT, "/body/summary", 42)));
    c.add(of("list given as a single string", ValidationCode.WRONG_TYPE, "/header/recipients", ERROR,
        with(ERROR, "/header/recipients", "BG-MK-GYUESHEVO")));
    c.add(of("questions given as a single string", ValidationCode.WRONG_TYPE, "/body/questions", URGENT,
        with(URGENT, "/body/questions", "Who is the registered keeper?")));
    c.add(of("header given as an array", ValidationCode.WRONG_TYPE, "/header", ERROR,
        with(ERROR, "/header", List.of())));
    c.add(of("number given as string", ValidationCode.WRONG_TYPE, "/body/location/coordinates/latitude", NOTICE,
        with(NOTICE, "/body/location/coordinates/latitude", "41.1294")));
    c.add(of("timestamp as epoch seconds", ValidationCode.WRONG_TYPE, "/header/createdAt", ERROR,
        with(ERROR, "/header/createdAt", 1_796_133_600L)));
    c.add(of("timestamp with an offset instead of Z", ValidationCode.WRONG_TYPE, "/header/createdAt", ERROR,
        with(ERROR, "/header/createdAt", "2026-11-30T15:00:00+01:00"))
        .valid(with(ERROR, "/header/createdAt", "2026-11-30T14:00:00.5Z")));
    c.add(of("timestamp that is not a calendar date", ValidationCode.WRONG_TYPE, "/header/createdAt", ERROR,
        with(ERROR, "/header/createdAt", "2026-02-30T14:00:00Z")));
    c.add(of("date with a time", ValidationCode.WRONG_TYPE, "/body/subjects/0/documents/0/issuedOn", PERSON,
        with(PERSON, "/body/subjects/0/documents/0/issuedOn", "2022-04-16T00:00:00Z")));
    c.add(of("bad UUID", ValidationCode.WRONG_TYPE, "/header/messageId", ERROR,
        with(ERROR, "/header/messageId", "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1"))
        .valid(with(ERROR, "/header/messageId", "8B9C0D1E-2F3A-4B4C-9D5E-6F7A8B9C0D10")));
    c.add(of("UUID without hyphens", ValidationCode.WRONG_TYPE, "/body/refersTo", ERROR,
        with(ERROR, "/body/refersTo", "8b9c0d1e2f3a4b4c9d5e6f7a8b9c0d10")));
    c.add(of("partial date given as number", ValidationCode.WRONG_TYPE, "/body/results/0/birthDate", HIT,
        with(HIT, "/body/results/0/birthDate", 1979)));
    c.add(of("version given as number", ValidationCode.WRONG_TYPE, "/pccc", ERROR, with(ERROR, "/pccc", 1.0)));
    c.add(of("version with three parts", ValidationCode.WRONG_TYPE, "/pccc", ERROR, with(ERROR, "/pccc", "1.0.0")));

    c.add(of("missing version", ValidationCode.VERSION_MISSING, "/pccc", ERROR, without(ERROR, "/pccc")));
    c.add(of("version null", ValidationCode.VERSION_MISSING, "/pccc", ERROR, with(ERROR, "/pccc", null)));
    c.add(of("version 2.0", ValidationCode.VERSION_UNSUPPORTED, "/pccc", ERROR, with(ERROR, "/pccc", "2.0"))
        .valid(with(ERROR, "/pccc", "1.7")));

    c.add(of("same key twice", ValidationCode.DUPLICATE_KEY, "/body/officers", NOTICE,
        replaceText(NOTICE, "\"officers\": 2", "\"officers\": 2, \"officers\": 3")).schemaAccepts());
    c.add(of("same key twice in the header", ValidationCode.DUPLICATE_KEY, "/header/language", ERROR,
        replaceText(ERROR, "\"language\": \"en\"", "\"language\": \"en\", \"language\": \"mk\"")).schemaAccepts());

    c.add(of("unknown body type", ValidationCode.UNKNOWN_TYPE, "/body/type", ERROR,
        with(ERROR, "/body/type", "gossip")));
    c.add(of("body without type", ValidationCode.UNKNOWN_TYPE, "/body/type", ERROR, without(ERROR, "/body/type")));
    c.add(of("unknown subject type", ValidationCode.UNKNOWN_TYPE, "/body/subjects/0/type", ALERT,
        with(ALERT, "/body/subjects/0/type", "spaceship")));
    c.add(of("subject type of the wrong case", ValidationCode.UNKNOWN_TYPE, "/body/results/0/type", HIT,
        with(HIT, "/body/results/0/type", "Person")));

    c.add(of("unknown country code ZZ", ValidationCode.INVALID_VALUE, "/header/recipients/0/country", ERROR,
        with(ERROR, "/header/recipients/0/country", "ZZ"))
        .valid(with(ERROR, "/header/recipients/0/country", "XK")));
    c.add(of("country code in lower case", ValidationCode.INVALID_VALUE, "/header/sender/country", ERROR,
        with(ERROR, "/header/sender/country", "gr")));
    c.add(of("unknown language code", ValidationCode.INVALID_VALUE, "/header/language", ERROR,
        with(ERROR, "/header/language", "cnr")));
    c.add(of("unknown handling code", ValidationCode.INVALID_VALUE, "/header/handling/code", ERROR,
        with(ERROR, "/header/handling/code", "H9")));
    c.add(of("unknown urgency", ValidationCode.INVALID_VALUE, "/header/urgency", ERROR,
        with(ERROR, "/header/urgency", "VERY_URGENT")));
    c.add(of("unknown alert type", ValidationCode.INVALID_VALUE, "/body/alertType", ALERT,
        with(ALERT, "/body/alertType", "STOLEN_BOAT")));
    c.add(of("unknown refusal ground", ValidationCode.INVALID_VALUE, "/body/refusalGround", REFUSAL,
        with(REFUSAL, "/body/refusalGround", "TOO_BUSY")));
    c.add(of("enum given by its Java name instead of its code", ValidationCode.INVALID_VALUE,
        "/body/results/0/names/0/script", HIT, with(HIT, "/body/results/0/names/0/script", "CYRILLIC")));
    c.add(of("partial date 1984-02-30", ValidationCode.INVALID_VALUE, "/body/results/0/birthDate", HIT,
        with(HIT, "/body/results/0/birthDate", "1984-02-30"))
        .schemaAccepts()
        .valid(with(HIT, "/body/results/0/birthDate", "1984-02-29")));
    c.add(of("partial date with month 13", ValidationCode.INVALID_VALUE, "/body/results/0/birthDate", HIT,
        with(HIT, "/body/results/0/birthDate", "1984-13")));

    c.add(of("root is an array", ValidationCode.NOT_AN_OBJECT, "", ERROR, "[]".getBytes(StandardCharsets.UTF_8)));
    c.add(of("root is a string", ValidationCode.NOT_AN_OBJECT, "", ERROR,
        "\"pccc\"".getBytes(StandardCharsets.UTF_8)));
    c.add(of("root is null", ValidationCode.NOT_AN_OBJECT, "", ERROR, "null".getBytes(StandardCharsets.UTF_8)));
  }

  // ---------------------------------------------------------------- field constraints

  private static void fieldConstraints(List<Case> c) {
    c.add(of("missing header", ValidationCode.REQUIRED, "/header", ERROR, without(ERROR, "/header")));
    c.add(of("missing body", ValidationCode.REQUIRED, "/body", ERROR, without(ERROR, "/body")));
    c.add(of("missing message id", ValidationCode.REQUIRED, "/header/messageId", ERROR,
        without(ERROR, "/header/messageId")));
    c.add(of("missing createdAt", ValidationCode.REQUIRED, "/header/createdAt", ERROR,
        without(ERROR, "/header/createdAt")));
    c.add(of("missing sender country", ValidationCode.REQUIRED, "/header/sender/country", ERROR,
        without(ERROR, "/header/sender/country")));
    c.add(of("no recipients", ValidationCode.REQUIRED, "/header/recipients", ERROR,
        with(ERROR, "/header/recipients", List.of())));
    c.add(of("missing alert summary", ValidationCode.REQUIRED, "/body/summary", ALERT,
        without(ALERT, "/body/summary")));
    c.add(of("missing reply outcome", ValidationCode.REQUIRED, "/body/outcome", CLARIFICATION,
        without(CLARIFICATION, "/body/outcome")));
    c.add(of("person without names", ValidationCode.REQUIRED, "/body/results/0/names", HIT,
        with(HIT, "/body/results/0/names", List.of())));
    c.add(of("request without questions", ValidationCode.REQUIRED, "/body/questions", URGENT,
        without(URGENT, "/body/questions")));
    c.add(of("blank question", ValidationCode.REQUIRED, "/body/questions/1", URGENT,
        with(URGENT, "/body/questions/1", " \t")));
    c.add(of("missing count in a situation entry", ValidationCode.REQUIRED, "/body/entries/1/seizures", SITUATION,
        without(SITUATION, "/body/entries/1/seizures")));
    c.add(of("receipt without envelope digest", ValidationCode.REQUIRED, "/body/envelopeSha256", RECEIPT,
        without(RECEIPT, "/body/envelopeSha256")));
    c.add(of("attachment named with spaces only", ValidationCode.REQUIRED, "/body/attachments/0/name", HIT,
        hitWithAttachment(attachment(3, ABC_SHA256, ABC_BASE64).deepCopy()
            .put("name", "   ")))
        .valid(hitWithAttachment(attachment(3, ABC_SHA256, ABC_BASE64))));

    c.add(of("summary of 2001 characters", ValidationCode.SIZE, "/body/summary", ALERT,
        with(ALERT, "/body/summary", repeat("Украден Škoda ", 2001)))
        .valid(with(ALERT, "/body/summary", repeat("Украден Škoda ", 2000))));
    c.add(of("legal basis of 501 characters", ValidationCode.SIZE, "/header/legalBasis", URGENT,
        with(URGENT, "/header/legalBasis", repeat("Σύμβαση ", 501)))
        .valid(with(URGENT, "/header/legalBasis", repeat("Σύμβαση ", 500))));
    c.add(of("question of 1001 characters", ValidationCode.SIZE, "/body/questions/0", URGENT,
        with(URGENT, "/body/questions/0", repeat("Кој? ", 1001)))
        .valid(with(URGENT, "/body/questions/0", repeat("Кој? ", 1000))));
    c.add(of("65 recipients", ValidationCode.SIZE, "/header/recipients", ERROR,
        with(ERROR, "/header/recipients", recipients(65)))
        .valid(with(ERROR, "/header/recipients", recipients(64))));
    c.add(of("51 HS codes", ValidationCode.SIZE, "/body/subjects/0/hsCodes", CUSTOMS,
        with(CUSTOMS, "/body/subjects/0/hsCodes", Collections.nCopies(51, "240220")))
        .valid(with(CUSTOMS, "/body/subjects/0/hsCodes", Collections.nCopies(50, "240220"))));
    c.add(of("21 attachments", ValidationCode.SIZE, "/body/attachments", HIT,
        with(HIT, "/body/attachments", Collections.nCopies(21, attachment(3, ABC_SHA256, ABC_BASE64))))
        .valid(with(HIT, "/body/attachments", Collections.nCopies(20, attachment(3, ABC_SHA256, ABC_BASE64)))));

    c.add(of("centre id in lower case", ValidationCode.FORMAT, "/header/sender/centreId", ERROR,
        with(ERROR, "/header/sender/centreId", "mk-gr-bogorodica")));
    c.add(of("centre id ending in a hyphen", ValidationCode.FORMAT, "/header/recipients/0/centreId", ERROR,
        with(ERROR, "/header/recipients/0/centreId", "BG-MK-")));
    c.add(of("crossing point with underscore", ValidationCode.FORMAT, "/body/location/crossingPoint", NOTICE,
        with(NOTICE, "/body/location/crossingPoint", "MK_BOGORODICA")));
    c.add(of("phone number without plus", ValidationCode.FORMAT, "/body/subjects/1/e164", PERSON,
        with(PERSON, "/body/subjects/1/e164", "070123456")));
    c.add(of("digest in upper case", ValidationCode.FORMAT, "/body/envelopeSha256", RECEIPT,
        with(RECEIPT, "/body/envelopeSha256",
            "3A7BD3E2360A3D29EEA436FCFB7E44C735D117C42D1C1835420B6B9942DD4F1B")));
    c.add(of("error code without prefix", ValidationCode.FORMAT, "/body/code", ERROR,
        with(ERROR, "/body/code", "0307")));
    c.add(of("VIN with the letter O", ValidationCode.FORMAT, "/body/subjects/0/vin", URGENT,
        with(URGENT, "/body/subjects/0/vin", "WVWZZZ3CZWE12345O")));
    c.add(of("plate in lower case", ValidationCode.FORMAT, "/body/subjects/0/plate/number", ALERT,
        with(ALERT, "/body/subjects/0/plate/number", "bg 123-ćž"))
        .valid(with(ALERT, "/body/subjects/0/plate/number", "БГ 123-ЋЖ")));
    c.add(of("document number in lower case", ValidationCode.FORMAT, "/body/subjects/0/documents/0/number", PERSON,
        with(PERSON, "/body/subjects/0/documents/0/number", "l898902c3")));
    c.add(of("HS code of five digits", ValidationCode.FORMAT, "/body/subjects/0/hsCodes/0", CUSTOMS,
        with(CUSTOMS, "/body/subjects/0/hsCodes/0", "24022")));
    c.add(of("container number without category letter", ValidationCode.FORMAT, "/body/subjects/0/containerNumber",
        CUSTOMS, with(CUSTOMS, "/body/subjects/0/containerNumber", "CSQ13054383")));
    c.add(of("media type with parameters", ValidationCode.FORMAT, "/body/attachments/0/mediaType", HIT,
        hitWithAttachment(attachment(3, ABC_SHA256, ABC_BASE64).deepCopy()
            .put("mediaType", "image/jpeg; q=1")))
        .valid(hitWithAttachment(attachment(3, ABC_SHA256, ABC_BASE64))));
    c.add(of("attachment name with a path", ValidationCode.FORMAT, "/body/attachments/0/name", HIT,
        hitWithAttachment(attachment(3, ABC_SHA256, ABC_BASE64).deepCopy()
            .put("name", "../../etc/passwd")))
        .valid(hitWithAttachment(attachment(3, ABC_SHA256, ABC_BASE64))));

    c.add(of("negative number of officers", ValidationCode.RANGE, "/body/officers", NOTICE,
        with(NOTICE, "/body/officers", -1))
        .valid(with(NOTICE, "/body/officers", 0)));
    c.add(of("latitude 91", ValidationCode.RANGE, "/body/location/coordinates/latitude", NOTICE,
        with(NOTICE, "/body/location/coordinates/latitude", 90.000001))
        .valid(with(NOTICE, "/body/location/coordinates/latitude", 90)));
    c.add(of("longitude -180.5", ValidationCode.RANGE, "/body/location/coordinates/longitude", NOTICE,
        with(NOTICE, "/body/location/coordinates/longitude", -180.5))
        .valid(with(NOTICE, "/body/location/coordinates/longitude", -180)));
    c.add(of("vehicle built before 1886", ValidationCode.RANGE, "/body/subjects/0/year", ALERT,
        with(ALERT, "/body/subjects/0/year", 1885))
        .valid(with(ALERT, "/body/subjects/0/year", 1886)));
    c.add(of("vehicle built after 2100", ValidationCode.RANGE, "/body/subjects/0/year", ALERT,
        with(ALERT, "/body/subjects/0/year", 2101))
        .valid(with(ALERT, "/body/subjects/0/year", 2100)));
    c.add(of("negative count", ValidationCode.RANGE, "/body/entries/0/seizures", SITUATION,
        with(SITUATION, "/body/entries/0/seizures", -1)));
    c.add(of("negative attachment size", ValidationCode.RANGE, "/body/attachments/0/sizeBytes", HIT,
        hitWithAttachment(attachment(-1, ABC_SHA256, ABC_BASE64).deepCopy().without("inlineBase64")))
        .valid(hitWithAttachment(attachment(0, ABC_SHA256, ABC_BASE64).deepCopy().without("inlineBase64"))));

    c.add(of("blank optional text", ValidationCode.BLANK_TEXT, "/body/actionRequested", ALERT,
        with(ALERT, "/body/actionRequested", "   ")));
    c.add(of("empty optional text", ValidationCode.BLANK_TEXT, "/body/remarks", SITUATION,
        with(SITUATION, "/body/remarks", "")));
    c.add(of("blank given names", ValidationCode.BLANK_TEXT, "/body/results/0/names/1/givenNames", HIT,
        with(HIT, "/body/results/0/names/1/givenNames", "\n\t ")));
    c.add(of("blank urgency reason", ValidationCode.BLANK_TEXT, "/header/urgencyReason", ALERT,
        with(ALERT, "/header/urgencyReason", "\r\n")));
    c.add(of("blank H3 conditions", ValidationCode.BLANK_TEXT, "/header/handling/conditions", DELAY,
        with(DELAY, "/header/handling/conditions", " ")));
  }

  // ---------------------------------------------------------------- rules across fields

  private static void crossFieldRules(List<Case> c) {
    c.add(of("inline content longer than declared", ValidationCode.ATTACHMENT_MISMATCH,
        "/body/attachments/0/sizeBytes", HIT, hitWithAttachment(attachment(4, ABC_SHA256, ABC_BASE64)))
        .valid(hitWithAttachment(attachment(3, ABC_SHA256, ABC_BASE64)))
        .schemaAccepts());
    c.add(of("inline content with another digest", ValidationCode.ATTACHMENT_MISMATCH, "/body/attachments/0/sha256",
        HIT, hitWithAttachment(attachment(3, ABC_SHA256.replace('a', 'b'), ABC_BASE64)))
        .valid(hitWithAttachment(attachment(3, ABC_SHA256, ABC_BASE64)))
        .schemaAccepts());
    c.add(of("inline content that is not base64", ValidationCode.ATTACHMENT_MISMATCH,
        "/body/attachments/0/inlineBase64", HIT, hitWithAttachment(attachment(3, ABC_SHA256, "Y")))
        .valid(hitWithAttachment(attachment(3, ABC_SHA256, ABC_BASE64)))
        .schemaAccepts());

    c.add(of("document expires before it was issued", ValidationCode.DOCUMENT_DATES,
        "/body/subjects/0/documents/0/expiresOn", PERSON,
        with(PERSON, "/body/subjects/0/documents/0/expiresOn", "2022-04-15"))
        .valid(with(PERSON, "/body/subjects/0/documents/0/expiresOn", "2022-04-16"))
        .schemaAccepts());
    c.add(of("birth month after the message was created", ValidationCode.BIRTH_DATE_IN_FUTURE,
        "/body/results/0/birthDate", HIT, with(HIT, "/body/results/0/birthDate", "2026-12"))
        .valid(with(HIT, "/body/results/0/birthDate", "2026-11-30"))
        .schemaAccepts());
    c.add(of("birth year after the message was created", ValidationCode.BIRTH_DATE_IN_FUTURE,
        "/body/subjects/0/birthDate", PERSON, with(PERSON, "/body/subjects/0/birthDate", "2027"))
        .valid(with(PERSON, "/body/subjects/0/birthDate", "2026"))
        .schemaAccepts());

    c.add(of("sender's centre among the recipients", ValidationCode.SENDER_AMONG_RECIPIENTS,
        "/header/recipients/0", ERROR, with(ERROR, "/header/recipients/0/centreId", "MK-GR-BOGORODICA"))
        .valid(with(ERROR, "/header/recipients/0/centreId", "MK-GR-BOGORODICA-GR"))
        .schemaAccepts());
    c.add(of("duplicate recipient", ValidationCode.DUPLICATE_RECIPIENT, "/header/recipients/3", ALERT,
        edit(ALERT, e -> e.set("/header/recipients/-", e.at("/header/recipients/0").deepCopy())))
        .valid(edit(ALERT, e -> e.set("/header/recipients/-",
            json("{\"centreId\": \"MK-RS-TABANOVCE\", \"country\": \"MK\"}")))));
    c.add(of("dueBy equal to createdAt", ValidationCode.DUE_BY_NOT_AFTER_CREATED, "/header/dueBy", URGENT,
        with(URGENT, "/header/dueBy", "2026-11-30T06:12:00Z"))
        .valid(with(URGENT, "/header/dueBy", "2026-11-30T06:12:00.000000001Z"))
        .schemaAccepts());
    c.add(of("dueBy before createdAt", ValidationCode.DUE_BY_NOT_AFTER_CREATED, "/header/dueBy", URGENT,
        with(URGENT, "/header/dueBy", "2026-11-29T06:12:00Z")).schemaAccepts());
    c.add(of("H3 without conditions", ValidationCode.H3_WITHOUT_CONDITIONS, "/header/handling/conditions", DELAY,
        without(DELAY, "/header/handling/conditions"))
        .valid(edit(DELAY, e -> e.remove("/header/handling/conditions").set("/header/handling/code", "H2"))));
    c.add(of("urgent request without reason", ValidationCode.URGENT_WITHOUT_REASON, "/header/urgencyReason", URGENT,
        without(URGENT, "/header/urgencyReason"))
        .valid(edit(URGENT, e -> e.remove("/header/urgencyReason").set("/header/urgency", "NORMAL"))));
    c.add(of("request without purpose", ValidationCode.REQUEST_WITHOUT_PURPOSE, "/header/purpose", URGENT,
        without(URGENT, "/header/purpose")));
    c.add(of("request without legal basis", ValidationCode.REQUEST_WITHOUT_LEGAL_BASIS, "/header/legalBasis",
        CUSTOMS, without(CUSTOMS, "/header/legalBasis")));
    c.add(of("reply without inReplyTo", ValidationCode.REPLY_WITHOUT_REQUEST, "/header/inReplyTo", REFUSAL,
        without(REFUSAL, "/header/inReplyTo"))
        .valid(without(RECEIPT, "/header/inReplyTo")));
    c.add(of("refusal without ground", ValidationCode.REFUSAL_WITHOUT_GROUND, "/body/refusalGround", REFUSAL,
        without(REFUSAL, "/body/refusalGround")));
    c.add(of("refusal ground on a hit", ValidationCode.GROUND_WITHOUT_REFUSAL, "/body/refusalGround", HIT,
        with(HIT, "/body/refusalGround", "NOT_AVAILABLE")));
    c.add(of("hit without results", ValidationCode.HIT_WITHOUT_RESULTS, "/body/results", HIT,
        without(HIT, "/body/results")));
    c.add(of("partial reply with empty results", ValidationCode.HIT_WITHOUT_RESULTS, "/body/results", HIT,
        edit(HIT, e -> e.set("/body/outcome", "PARTIAL").set("/body/results", List.of())))
        .valid(with(HIT, "/body/outcome", "PARTIAL")));
    c.add(of("results on a refusal", ValidationCode.RESULTS_WITHOUT_HIT, "/body/results", REFUSAL,
        with(REFUSAL, "/body/results", List.of(json(PERSON_JSON)))));
    c.add(of("results on a no-hit", ValidationCode.RESULTS_WITHOUT_HIT, "/body/results", HIT,
        with(HIT, "/body/outcome", "NO_HIT"))
        .valid(edit(HIT, e -> e.set("/body/outcome", "NO_HIT").remove("/body/results"))));
    c.add(of("clarification without questions", ValidationCode.CLARIFICATION_WITHOUT_QUESTION, "/body/questions",
        CLARIFICATION, without(CLARIFICATION, "/body/questions")));
    c.add(of("delay notice without delay", ValidationCode.DELAY_WITHOUT_NOTICE, "/body/delay", DELAY,
        without(DELAY, "/body/delay")));
    c.add(of("notice ending when it starts", ValidationCode.TIME_ORDER, "/body/endsAt", NOTICE,
        with(NOTICE, "/body/endsAt", "2026-11-30T13:40:00Z"))
        .valid(with(NOTICE, "/body/endsAt", "2026-11-30T13:40:00.001Z"))
        .schemaAccepts());
    c.add(of("report period ending before it starts", ValidationCode.TIME_ORDER, "/body/periodEnd", SITUATION,
        with(SITUATION, "/body/periodEnd", "2026-11-29T23:59:59Z")).schemaAccepts());
    c.add(of("delay expected before the reply was created", ValidationCode.TIME_ORDER, "/body/delay/expectedBy",
        DELAY, with(DELAY, "/body/delay/expectedBy", "2026-11-30T11:00:00Z"))
        .valid(with(DELAY, "/body/delay/expectedBy", "2026-11-30T11:00:01Z"))
        .schemaAccepts());
    c.add(of("alert lapsing when it is created", ValidationCode.TIME_ORDER, "/body/validUntil", ALERT,
        with(ALERT, "/body/validUntil", "2026-11-30T12:30:00Z")).schemaAccepts());
    c.add(of("stolen-vehicle alert about a person", ValidationCode.ALERT_SUBJECT_MISMATCH, "/body/subjects", ALERT,
        with(ALERT, "/body/subjects", List.of(json(PERSON_JSON))))
        .valid(with(ALERT, "/body/subjects/-", json(PERSON_JSON))));
    c.add(of("wanted-person alert about a vehicle", ValidationCode.ALERT_SUBJECT_MISMATCH, "/body/subjects", ALERT,
        with(ALERT, "/body/alertType", "WANTED_PERSON")));
    c.add(of("vehicle without VIN and plate", ValidationCode.VEHICLE_UNIDENTIFIED, "/body/subjects/0", NOTICE,
        without(NOTICE, "/body/subjects/0/plate"))
        .valid(edit(NOTICE, e -> e.remove("/body/subjects/0/plate")
            .set("/body/subjects/0/vin", "WAUZZZ4G0BN012345"))));
    c.add(of("empty location", ValidationCode.LOCATION_EMPTY, "/body/location", NOTICE,
        with(NOTICE, "/body/location", json("{\"type\": \"location\"}")))
        .valid(with(NOTICE, "/body/location", json("{\"type\": \"location\", \"description\": \"Евзони\"}"))));
    c.add(of("empty location in a situation entry", ValidationCode.LOCATION_EMPTY, "/body/entries/1/location",
        SITUATION, without(SITUATION, "/body/entries/1/location/borderSection")));
    c.add(of("empty consignment", ValidationCode.CONSIGNMENT_UNIDENTIFIED, "/body/subjects/0", CUSTOMS,
        with(CUSTOMS, "/body/subjects/0", json("{\"type\": \"consignment\", \"exciseCategory\": \"TOBACCO\"}")))
        .valid(with(CUSTOMS, "/body/subjects/0",
            json("{\"type\": \"consignment\", \"exciseCategory\": \"TOBACCO\", \"tirCarnet\": \"MX51000000\"}"))));
    c.add(of("consignment with an empty list of HS codes only", ValidationCode.CONSIGNMENT_UNIDENTIFIED,
        "/body/subjects/0", CUSTOMS,
        with(CUSTOMS, "/body/subjects/0", json("{\"type\": \"consignment\", \"hsCodes\": []}"))));
  }

  /** Check digits and check characters of identifiers: JSON Schema cannot express these. */
  private static void identifiers(List<Case> c) {
    String mrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
    c.add(of("MRZ with a wrong document-number check digit", ValidationCode.MRZ_INVALID,
        "/body/subjects/0/documents/0/mrz", PERSON,
        with(PERSON, "/body/subjects/0/documents/0/mrz", mrz.replace("L898902C36", "L898902C35")))
        .schemaAccepts());
    c.add(of("North American VIN with a wrong check digit", ValidationCode.VIN_INVALID, "/body/subjects/0/vin",
        URGENT, with(URGENT, "/body/subjects/0/vin", "1M8GDM9A1KP042788"))
        .schemaAccepts().valid(with(URGENT, "/body/subjects/0/vin", "1M8GDM9AXKP042788")));
    c.add(of("container number with a wrong check digit", ValidationCode.CONTAINER_NUMBER_INVALID,
        "/body/subjects/0/containerNumber", CUSTOMS, with(CUSTOMS, "/body/subjects/0/containerNumber", "CSQU3054384"))
        .schemaAccepts());
    c.add(of("MRN with a wrong check character", ValidationCode.MRN_INVALID, "/body/subjects/0/mrn", CUSTOMS,
        with(CUSTOMS, "/body/subjects/0/mrn", "15ITQ1V1T0240456E8"))
        .schemaAccepts().valid(with(CUSTOMS, "/body/subjects/0/mrn", "15ITQ1V1T0240456E9")));
    c.add(of("TIR carnet with a wrong security code", ValidationCode.TIR_CARNET_INVALID, "/body/subjects/0/tirCarnet",
        CUSTOMS, with(CUSTOMS, "/body/subjects/0/tirCarnet", "AX51000000"))
        .schemaAccepts().valid(with(CUSTOMS, "/body/subjects/0/tirCarnet", "MX51000000")));
    c.add(of("HS code of the reserved chapter 77", ValidationCode.HS_CODE_INVALID, "/body/subjects/0/hsCodes/0",
        CUSTOMS, with(CUSTOMS, "/body/subjects/0/hsCodes/0", "770000")).schemaAccepts());
  }

  static List<JsonNode> recipients(int n) {
    List<JsonNode> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(json("{\"centreId\": \"C" + i + "\", \"country\": \"BG\"}"));
    }
    return list;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  static int indexOf(byte[] data, byte b) {
    for (int i = 0; i < data.length; i++) {
      if (data[i] == b) {
        return i;
      }
    }
    throw new IllegalArgumentException("byte not found");
  }
}
