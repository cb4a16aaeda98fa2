package org.pccc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pccc.model.code.Agency;
import org.pccc.model.code.Country;
import org.pccc.model.code.Language;
import org.pccc.model.code.MessageKind;
import org.pccc.model.directory.BilateralPolicy;
import org.pccc.model.directory.CentreEntry;
import org.pccc.model.directory.NationalDesk;
import org.pccc.model.directory.NetworkDirectory;
import org.pccc.model.json.PcccJson;
import org.pccc.model.schema.JsonSchemas;
import org.pccc.model.subject.Coordinates;
import org.pccc.model.validation.ValidationException;

class DirectoryTest {
  private final PcccJson json = PcccJson.create();

  static CentreEntry centre(String id) {
    return new CentreEntry(id, "PCCC " + id,
        List.of(new NationalDesk(Country.of("MK"), List.of(Agency.POLICE, Agency.CUSTOMS))),
        List.of("mem:" + id), List.of("AAAA"), List.of("AAAA"), List.of("1.0"), new Coordinates(42.2, 21.7));
  }

  static NetworkDirectory directory(List<CentreEntry> centres, List<BilateralPolicy> policies) {
    return new NetworkDirectory("1.0", "SEE-PCCC", 7L, Instant.parse("2026-11-30T00:00:00Z"), centres, policies);
  }

  @Test
  void directoryRoundTripsAndFindsCentresAndPolicies() {
    NetworkDirectory d = directory(List.of(centre("MK-RS-TABANOVCE"), centre("BG-MK-GYUESHEVO")),
        List.of(new BilateralPolicy("MK-RS-TABANOVCE", "BG-MK-GYUESHEVO", List.of(MessageKind.ALERT), List.of(Language.of("en")))));
    NetworkDirectory again = json.readDirectory(json.writeDocument(d));
    assertThat(again).isEqualTo(d);
    assertThat(again.centre("BG-MK-GYUESHEVO")).isPresent();
    assertThat(again.centre("XX")).isEmpty();
    BilateralPolicy p = again.policy("BG-MK-GYUESHEVO", "MK-RS-TABANOVCE").orElseThrow();
    assertThat(p.allows(MessageKind.ALERT)).isTrue();
    assertThat(p.allows(MessageKind.RECEIPT)).isTrue();
    assertThat(p.allows(MessageKind.INFORMATION_REQUEST)).isFalse();
  }

  @Test
  void duplicateCentreAndUnknownPolicyCentreAreRejected() {
    NetworkDirectory d = directory(List.of(centre("A1"), centre("A1")),
        List.of(new BilateralPolicy("A1", "ZZ9", List.of(MessageKind.ALERT), List.of())));
    assertThatThrownBy(() -> json.readDirectory(json.writeDocument(d)))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).report().codes())
            .containsExactlyInAnyOrder("PCCC-0400", "PCCC-0401"));
  }

  @Test
  void garbageAndWrongVersionGetReports() {
    assertThatThrownBy(() -> json.readDirectory("{".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("PCCC-0001");
    assertThatThrownBy(() -> json.readDirectory("{\"pcccDirectory\":\"2.0\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("PCCC-0005");
  }

  @Test
  void shippedDirectorySchemaIsCurrent() {
    assertThat(JsonSchemas.directorySchema()).isEqualTo(JsonSchemas.generateDirectorySchema());
  }
}
