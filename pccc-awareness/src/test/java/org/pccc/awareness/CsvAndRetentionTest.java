package org.pccc.awareness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.pccc.model.code.HandlingCode;
import org.junit.jupiter.api.Test;

/** CSV tables follow RFC 4180 and cannot smuggle a formula; the picture forgets what ended. */
class CsvAndRetentionTest {

  @Test
  void csvTablesHaveHeadersAndOneLinePerItem() {
    PictureView view = ScriptedDay.view();
    Map<String, String> csv = PictureExports.csv(view);
    assertThat(csv).containsOnlyKeys("alerts", "notices", "requests", "situation", "flows", "timeline");
    String[] requests = csv.get("requests").split("\r\n");
    assertThat(requests[0]).startsWith("requestId,requesterCentre,requestedCentre,urgency,dataAccess,sentAt,dueBy,state");
    assertThat(requests).hasSize(1 + view.requests().size());
    assertThat(Arrays.stream(requests).filter(l -> l.contains(",OVERDUE,"))).hasSize(1);
    assertThat(csv.get("flows").split("\r\n")).hasSize(1 + view.flows().size());
  }

  @Test
  void formulaInjectionIsNeutralisedAndSeparatorsAreQuoted() {
    assertThat(Csv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(Csv.field("-12")).isEqualTo("-12");
    assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
  }

  @Test
  void forgetBeforeDropsLapsedAlertsButKeepsOpenRequests() {
    RegionalPicture p = ScriptedDay.picture();
    p.onMessage(Traffic.alert(Traffic.SREMSKA, ScriptedDay.h(1), HandlingCode.H0, ScriptedDay.h(2), Traffic.TABANOVCE));
    p.forgetBefore(ScriptedDay.h(9));
    PictureView v = p.view(new PictureQuery(ScriptedDay.AS_OF, ScriptedDay.h(-24), ScriptedDay.h(24), null));
    // The two answered requests were answered before 9 h and are gone; three are still open.
    assertThat(v.requests()).hasSize(3).allSatisfy(r -> assertThat(r.state().answered()).isFalse());
    assertThat(v.alerts()).hasSize(2);
    assertThat(v.timeline()).allSatisfy(e -> assertThat(e.time()).isAfterOrEqualTo(ScriptedDay.h(9)));
  }
}
