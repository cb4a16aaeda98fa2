package org.pccc.model.subject;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.pccc.model.Patterns;
import org.pccc.model.code.Country;
import org.pccc.model.code.DocumentType;

/**
 * An identity or travel document. When the machine-readable zone is given, its check digits are
 * verified by validation. Immutable.
 *
 * @param documentType the type of document
 * @param number the document number as printed
 * @param issuingCountry the issuing country
 * @param issuedOn the date of issue, or null
 * @param expiresOn the date of expiry, or null
 * @param mrz the machine-readable zone, lines separated by {@code \n}, or null
 */
public record IdentityDocument(
    @NotNull DocumentType documentType,
    @NotNull @Pattern(regexp = Patterns.DOCUMENT_NUMBER) String number,
    @NotNull Country issuingCountry,
    LocalDate issuedOn,
    LocalDate expiresOn,
    @Size(max = 100) String mrz)
    implements Subject {}
