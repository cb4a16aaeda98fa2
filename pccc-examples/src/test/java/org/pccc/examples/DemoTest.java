package org.pccc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Runs the README's demo scenario and checks its summary, its page and its statistics. */
class DemoTest {

  @Test
  void theScriptedDayHappensAsScripted() throws Exception {
    Demo.Result result = DemoRun.result();
    String out = DemoRun.output();

    assertThat(result.failures()).as(out).isEmpty();
    assertThat(result.exitCode()).isZero();
    // Per recipient copy, as the nodes' listeners see them.
    assertThat(result.sentByKind()).containsEntry("information-request", 8).containsEntry("reply", 8)
        .containsEntry("alert", 3).containsEntry("operational-notice", 1).containsEntry("situation-report", 12);
    int sent = result.sentByKind().values().stream().mapToInt(Integer::intValue).sum();
    assertThat(result.receiptsVerified()).isEqualTo(sent);
    assertThat(result.requests()).isEqualTo(8);
    assertThat(result.deadlinesMet()).isEqualTo(5);
    assertThat(result.rejectionsByCode()).containsEntry("PCCC-2006", 1).containsEntry("PCCC-2005", 1);
    assertThat(result.duplicates()).isEqualTo(1);
    assertThat(out).contains("everything happened as scripted").contains("'PETROVIC NIKOLA'").contains("Петровић Никола");
    String html = Files.readString(result.picture());
    for (DemoNetwork.Centre c : DemoNetwork.CENTRES) {
      assertThat(html).contains(c.id());
    }
  }

  @Test
  void theStatisticsCountTheScriptedDay() throws Exception {
    Demo.Result result = DemoRun.result();
    Demo.DayStatistics s = result.statistics();
    // The script: 8 requests; 5 answered in time (vehicle check, refusal, the clarification's
    // follow-up, name search, document check); one answered after a delay notice, past its
    // 8-hour deadline; one left unanswered (overdue); the first clarification request awaits it.
    assertThat(s.requests()).isEqualTo(8);
    assertThat(s.answered()).isEqualTo(6);
    assertThat(s.answeredInTime()).isEqualTo(5);
    assertThat(s.delayNoticesSent()).isEqualTo(1);
    assertThat(s.overdueAtEnd()).isEqualTo(1);
    // One per message, as the audit logs record them (the missing-person alert of the tampering
    // step was sealed by hand, not sent by a node).
    assertThat(s.sentByKind()).containsEntry("information-request", 8L).containsEntry("reply", 8L)
        .containsEntry("alert", 1L).containsEntry("operational-notice", 1L).containsEntry("situation-report", 4L);
    assertThat(s.rejectionsByCode()).containsEntry("PCCC-2006", 1L).containsEntry("PCCC-2005", 1L);

    assertThat(result.statisticsJson()).isRegularFile();
    assertThat(result.statisticsCsv()).isRegularFile();
    JsonNode json = new ObjectMapper().readTree(Files.readString(result.statisticsJson(), StandardCharsets.UTF_8));
    assertThat(json.at("/network/requests").asLong()).isEqualTo(8);
    assertThat(json.at("/network/answeredInTime").asLong()).isEqualTo(5);
    assertThat(json.at("/network/delayNoticesSent").asLong()).isEqualTo(1);
    assertThat(json.at("/network/overdueAtEnd").asLong()).isEqualTo(1);
    assertThat(json.at("/network/sentByKind/information-request").asLong()).isEqualTo(8);
    assertThat(json.get("centres")).hasSize(DemoNetwork.CENTRES.size());
    String csv = Files.readString(result.statisticsCsv(), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("centre,section,key,value\r\n").contains("network,requests,overdueAtEnd,1\r\n")
        .contains("network,requests,delayNoticesSent,1\r\n");
    for (DemoNetwork.Centre c : DemoNetwork.CENTRES) {
      assertThat(csv).contains("\r\n" + c.id() + ",");
    }

    String out = DemoRun.output();
    String[] lines = out.strip().split("\n");
    assertThat(lines[lines.length - 3]).isEqualTo("Regional picture: " + result.picture().toAbsolutePath());
    assertThat(lines[lines.length - 2]).isEqualTo("Statistics:       " + result.statisticsJson().toAbsolutePath());
    assertThat(lines[lines.length - 1]).isEqualTo("Statistics (CSV): " + result.statisticsCsv().toAbsolutePath());
  }
}
