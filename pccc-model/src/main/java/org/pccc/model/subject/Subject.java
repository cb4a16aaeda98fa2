package org.pccc.model.subject;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a message is about: a person, a document, a vehicle, an organisation, a phone number, a
 * location or a customs consignment. A sealed hierarchy of immutable records; on the wire each
 * carries a {@code type} discriminator wherever it appears.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Person.class, name = "person"),
  @JsonSubTypes.Type(value = IdentityDocument.class, name = "document"),
  @JsonSubTypes.Type(value = Vehicle.class, name = "vehicle"),
  @JsonSubTypes.Type(value = Organisation.class, name = "organisation"),
  @JsonSubTypes.Type(value = PhoneNumber.class, name = "phone"),
  @JsonSubTypes.Type(value = Location.class, name = "location"),
  @JsonSubTypes.Type(value = Consignment.class, name = "consignment")
})
public sealed interface Subject
    permits Person, IdentityDocument, Vehicle, Organisation, PhoneNumber, Location, Consignment {}
