package org.pccc.awareness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The GeoJSON export is an RFC 7946 FeatureCollection, checked with the GeoJSON project's own JSON
 * Schema by an independent validator, and says what the picture says.
 */
class GeoJsonExportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonSchema featureCollectionSchema() throws Exception {
    try (InputStream in = GeoJsonExportTest.class.getResourceAsStream("geojson/FeatureCollection.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }

  @Test
  void exportIsAValidFeatureCollectionForTheGeoJsonSchema() throws Exception {
    JsonNode geo = MAPPER.readTree(PictureExports.geoJson(ScriptedDay.view(), Traffic.PLACES));
    Set<ValidationMessage> errors = featureCollectionSchema().validate(geo);
    assertThat(errors).isEmpty();
  }

  @Test
  void schemaCheckIsRealItRejectsLatitudeLongitudeSwappedIntoAString() throws Exception {
    // Guard against a validator that accepts anything: a broken document must fail.
    JsonNode broken = MAPPER.readTree("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":\"21.7,42.2\"},\"properties\":{}}]}");
    assertThat(featureCollectionSchema().validate(broken)).isNotEmpty();
  }

  @Test
  void featuresCarryCentresCrossingPointsAndFlowsWithLongitudeFirst() throws Exception {
    JsonNode geo = MAPPER.readTree(PictureExports.geoJson(ScriptedDay.view(), Traffic.PLACES));
    List<JsonNode> centres = new ArrayList<>();
    List<JsonNode> flows = new ArrayList<>();
    List<JsonNode> points = new ArrayList<>();
    for (JsonNode f : geo.get("features")) {
      switch (f.at("/properties/featureType").asText()) {
        case "centre" -> centres.add(f);
        case "flow" -> flows.add(f);
        case "crossingPoint" -> points.add(f);
        default -> throw new AssertionError("unknown feature type " + f);
      }
    }
    assertThat(centres).hasSize(4);
    JsonNode tabanovce = centres.stream().filter(c -> c.at("/properties/centreId").asText()
        .equals(Traffic.TABANOVCE)).findFirst().orElseThrow();
    // RFC 7946 section 3.1.1: [longitude, latitude].
    assertThat(tabanovce.at("/geometry/coordinates/0").asDouble()).isEqualTo(21.704);
    assertThat(tabanovce.at("/geometry/coordinates/1").asDouble()).isEqualTo(42.213);
    assertThat(points).singleElement().satisfies(p -> {
      assertThat(p.at("/properties/crossingPoint").asText()).isEqualTo("BG-GYUESHEVO");
      assertThat(p.at("/properties/irregularCrossings").asInt()).isEqualTo(7);
      assertThat(p.at("/properties/operationsUnderWay").asInt()).isEqualTo(1);
    });
    JsonNode tb = flows.stream().filter(f -> (f.at("/properties/fromCentre").asText() + ">"
        + f.at("/properties/toCentre").asText()).equals(Traffic.TABANOVCE + ">" + Traffic.BOGORODICA))
        .findFirst().orElseThrow();
    // One request went from Tabanovce to Bogorodica (the H2 alert went the other way).
    assertThat(tb.at("/properties/messages").asLong()).isEqualTo(1);
    assertThat(tb.at("/properties/urgent").asLong()).isEqualTo(1);
    assertThat(tb.at("/geometry/type").asText()).isEqualTo("LineString");
    long total = 0;
    for (JsonNode f : flows) {
      total += f.at("/properties/messages").asLong();
    }
    long recipients = ScriptedDay.messages().stream().mapToLong(m -> m.header().recipients().size()).sum();
    assertThat(total).isEqualTo(recipients);
  }
}
