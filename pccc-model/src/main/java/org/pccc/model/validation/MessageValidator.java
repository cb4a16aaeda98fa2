package org.pccc.model.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.pccc.model.Message;
import org.pccc.model.directory.NetworkDirectory;
import org.pccc.model.internal.JsonPointers;

/**
 * Validates a message in two layers and reports every issue at once: field constraints (Jakarta
 * Validation annotations on the records, checked by Hibernate Validator) and rules across fields
 * ({@link MessageRules}: a reply names its request, due-by follows created-at, a refusal names its
 * ground, check digits of identifiers, ...). Immutable and thread-safe; create one and share it.
 */
public final class MessageValidator {
  private static final ValidatorFactory FACTORY =
      Validation.byProvider(HibernateValidator.class)
          .configure()
          // Parameter interpolation only: no expression language is evaluated in messages.
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory();

  private final Validator validator;

  private MessageValidator() {
    this.validator = FACTORY.getValidator();
  }

  /** Returns a validator with the standard constraints and rules. */
  public static MessageValidator create() {
    return new MessageValidator();
  }

  /**
   * Validates a message.
   *
   * @param message the message, not null
   * @return the report; {@link ValidationReport#isValid()} tells whether it may be sent
   */
  public ValidationReport validate(Message message) {
    List<ValidationIssue> issues = new ArrayList<>();
    Set<ConstraintViolation<Message>> violations = validator.validate(message);
    for (ConstraintViolation<Message> v : violations) {
      issues.add(ValidationIssue.of(codeFor(v), pointerOf(v.getPropertyPath()), v.getMessage()));
    }
    MessageRules.check(message, issues);
    return new ValidationReport(issues);
  }

  /**
   * Validates a network directory: field constraints, unique centre ids, policies that name
   * listed centres.
   *
   * @param directory the directory, not null
   * @return the report
   */
  public ValidationReport validateDirectory(NetworkDirectory directory) {
    List<ValidationIssue> issues = new ArrayList<>();
    for (ConstraintViolation<NetworkDirectory> v : validator.validate(directory)) {
      issues.add(ValidationIssue.of(codeFor(v), pointerOf(v.getPropertyPath()), v.getMessage()));
    }
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < directory.centres().size(); i++) {
      var c = directory.centres().get(i);
      if (c != null && c.centreId() != null && !ids.add(c.centreId())) {
        issues.add(ValidationIssue.of(ValidationCode.DIRECTORY_DUPLICATE_CENTRE, "/centres/" + i + "/centreId",
            "this centre id is listed twice"));
      }
    }
    for (int i = 0; i < directory.policies().size(); i++) {
      var p = directory.policies().get(i);
      if (p == null) {
        continue;
      }
      if (p.centreA() != null && !ids.contains(p.centreA())) {
        issues.add(ValidationIssue.of(ValidationCode.DIRECTORY_UNKNOWN_CENTRE, "/policies/" + i + "/centreA",
            "the policy names a centre the directory does not list"));
      }
      if (p.centreB() != null && !ids.contains(p.centreB())) {
        issues.add(ValidationIssue.of(ValidationCode.DIRECTORY_UNKNOWN_CENTRE, "/policies/" + i + "/centreB",
            "the policy names a centre the directory does not list"));
      }
    }
    return new ValidationReport(issues);
  }

  private static ValidationCode codeFor(ConstraintViolation<?> v) {
    Class<? extends Annotation> type = v.getConstraintDescriptor().getAnnotation().annotationType();
    switch (type.getSimpleName()) {
      case "NotNull":
      case "NotBlank":
      case "NotEmpty":
        return ValidationCode.REQUIRED;
      case "Size":
        return ValidationCode.SIZE;
      case "Pattern":
        return ValidationCode.FORMAT;
      default:
        return ValidationCode.RANGE;
    }
  }

  /** Turns a Hibernate Validator property path into a JSON Pointer. */
  static String pointerOf(Path path) {
    StringBuilder s = new StringBuilder();
    for (Path.Node node : path) {
      if (node.isInIterable() && node.getIndex() != null) {
        s.append('/').append(node.getIndex());
      }
      if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
        s.append('/').append(JsonPointers.escape(node.getName()));
      }
    }
    return s.toString();
  }
}
