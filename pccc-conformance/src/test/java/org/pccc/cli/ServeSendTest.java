package org.pccc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** serve and send over file: drop folders, serve in a thread with --exit-after. */
class ServeSendTest {
  @TempDir Path temp;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aMessageSentIsReceivedAndReceipted() throws Exception {
    Path net = temp.resolve("net");
    assertThat(Cli.run("directory", "create", "--network", "SEE-SERVE", "--out", net, "--seed", 11,
        "--centres", "RS:MK-RS-TABANOVCE,MK:MK-RS-TABANOVCE-MK").exit()).isZero();
    Object[] trust = {"--directory", net.resolve("directory/directory.jws"), "--coordinator", net.resolve("directory/coordinator-cert.pem")};
    Path message = Cli.freshMessage(temp, "request-vehicle-urgent.json");
    String id = Json.parse(java.nio.file.Files.readAllBytes(message)).get("header").get("messageId").asText();

    CompletableFuture<Cli.Result> serve = CompletableFuture.supplyAsync(() -> Cli.run("serve", "--json",
        "--keys", net.resolve("keys/MK-RS-TABANOVCE-MK"), trust[0], trust[1], trust[2], trust[3],
        "--store", temp.resolve("receiver-store"), "--exit-after", 1));
    // The receiver's drop folder exists once it listens; delivery retries until then anyway.
    Cli.Result sent = Cli.run("send", "--json", "--keys", net.resolve("keys/MK-RS-TABANOVCE"), trust[0], trust[1],
        trust[2], trust[3], "--store", temp.resolve("sender-store"), "--timeout", "PT60S", message);
    assertThat(sent.exit()).as(sent.toString()).isZero();
    JsonNode s = sent.json();
    assertThat(s.get("ok").asBoolean()).isTrue();
    assertThat(s.get("messages").get(0).get("messageId").asText()).isEqualTo(id);
    assertThat(s.get("messages").get(0).get("recipients").get(0).get("status").asText()).isEqualTo("delivered");

    Cli.Result served = serve.get(60, TimeUnit.SECONDS);
    assertThat(served.exit()).as(served.toString()).isZero();
    JsonNode line = Json.parse(served.out().trim().getBytes(StandardCharsets.UTF_8));
    assertThat(line.get("event").asText()).isEqualTo("received");
    assertThat(line.get("messageId").asText()).isEqualTo(id);
    assertThat(line.get("sender").asText()).isEqualTo("MK-RS-TABANOVCE");
    assertThat(line.get("kind").asText()).isEqualTo("information-request");
    // no content on stdout: the vehicle's plate never appears
    assertThat(served.out()).doesNotContain("plate", "SK ");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void sendingToNobodyListeningTimesOutWithExitOne() throws Exception {
    Path net = temp.resolve("net2");
    assertThat(Cli.run("directory", "create", "--network", "SEE-SERVE", "--out", net, "--seed", 12,
        "--centres", "RS:MK-RS-TABANOVCE,MK:MK-RS-TABANOVCE-MK").exit()).isZero();
    Path message = Cli.freshMessage(temp, "request-vehicle-urgent.json");
    Cli.Result sent = Cli.run("send", "--json", "--keys", net.resolve("keys/MK-RS-TABANOVCE"),
        "--directory", net.resolve("directory/directory.jws"), "--coordinator", net.resolve("directory/coordinator-cert.pem"),
        "--store", temp.resolve("lonely-store"), "--timeout", "PT1S", message);
    assertThat(sent.exit()).as(sent.toString()).isEqualTo(1);
    assertThat(sent.json().get("ok").asBoolean()).isFalse();
    assertThat(sent.json().get("messages").get(0).get("recipients").get(0).get("status").asText()).isEqualTo("timeout");
    assertThat(Cli.run("serve", "--keys", net.resolve("keys/MK-RS-TABANOVCE"), "--directory", net.resolve("directory/directory.jws"),
        "--coordinator", net.resolve("directory/coordinator-cert.pem"), "--store", temp.resolve("s"), "--exit-after", 0).exit())
        .isEqualTo(2);
  }
}
