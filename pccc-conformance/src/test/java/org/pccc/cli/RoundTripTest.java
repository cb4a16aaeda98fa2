package org.pccc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** directory create, seal, open, verify-receipt and directory sign/verify through files. */
class RoundTripTest {
  static final String SENDER = "MK-RS-TABANOVCE";
  static final String RECIPIENT = "MK-RS-TABANOVCE-MK";
  static final String THIRD = "RS-BA-SREMSKA-RACA";

  @TempDir static Path temp;
  static Path net;

  @BeforeAll
  static void createNetwork() {
    net = temp.resolve("net");
    Cli.Result r = Cli.run("directory", "create", "--json", "--network", "SEE-TEST", "--out", net, "--seed", 7,
        "--centres", "RS:" + SENDER + ",MK:" + RECIPIENT + ",RS:" + THIRD);
    assertThat(r.exit()).as(r.toString()).isZero();
    JsonNode json = r.json();
    assertThat(json.get("notForProduction").asBoolean()).isTrue();
    assertThat(json.get("centres")).hasSize(3);
    assertThat(json.get("centres").get(0).get("endpoints").get(0).asText()).startsWith("file:");
    assertThat(r.err()).contains("NOT FOR PRODUCTION");
  }

  static Path keys(String centre) {
    return net.resolve("keys").resolve(centre);
  }

  static Object[] trust() {
    return new Object[] {"--directory", net.resolve("directory/directory.jws"), "--coordinator", net.resolve("directory/coordinator-cert.pem")};
  }

  static Object[] args(Object... parts) {
    java.util.List<Object> list = new java.util.ArrayList<>();
    for (Object p : parts) {
      if (p instanceof Object[] a) {
        list.addAll(java.util.List.of(a));
      } else {
        list.add(p);
      }
    }
    return list.toArray();
  }

  @Test
  void createWritesTheKeyFolderLayout() {
    for (String f : new String[] {"signing-key.pem", "signing-cert.pem", "encryption-key.pem", "encryption-cert.pem", "centre-id"}) {
      assertThat(keys(SENDER).resolve(f)).exists();
    }
    // No unused secret copies: the private JWKs earlier versions wrote were never read.
    assertThat(keys(SENDER).resolve("signing-key.jwk")).doesNotExist();
    assertThat(keys(SENDER).resolve("encryption-key.jwk")).doesNotExist();
    assertThat(net.resolve("directory/directory.json")).exists();
    assertThat(net.resolve("NOT-FOR-PRODUCTION.txt")).exists();
    Cli.Result text = Cli.run("directory", "create", "--network", "X", "--out", temp.resolve("other"),
        "--centres", "MK:MK-A");
    assertThat(text.exit()).isZero();
    assertThat(text.out()).contains("NOT FOR PRODUCTION");
    assertThat(Cli.run("directory", "create", "--network", "X", "--out", temp.resolve("bad"), "--centres", "nonsense").exit())
        .isEqualTo(2);
    Cli.Result https = Cli.run("directory", "create", "--json", "--network", "X", "--out", temp.resolve("https"),
        "--centres", "MK:MK-A,RS:RS-B", "--endpoint", "RS-B=https://127.0.0.1:9443/pccc", "--endpoint-base", "file:///srv/drop");
    assertThat(https.exit()).as(https.toString()).isZero();
    assertThat(https.json().get("centres").get(0).get("endpoints").get(0).asText()).isEqualTo("file:///srv/drop/MK-A");
    assertThat(https.json().get("centres").get(1).get("endpoints").get(0).asText()).isEqualTo("https://127.0.0.1:9443/pccc");
    assertThat(Cli.run("directory", "create", "--network", "X", "--out", temp.resolve("bad2"), "--centres", "MK:MK-A",
        "--endpoint", "RS-B=https://127.0.0.1:9443/pccc").exit()).isEqualTo(2);
  }

  @Test
  void sealOpenAndVerifyTheReceipt() throws Exception {
    Path message = Cli.freshMessage(temp, "request-vehicle-urgent.json");
    Path envelope = temp.resolve("envelope.json");
    Cli.Result sealed = Cli.run(args("seal", "--keys", keys(SENDER), trust(), "--out", envelope, message));
    assertThat(sealed.exit()).as(sealed.toString()).isZero();
    JsonNode s = sealed.json();
    assertThat(s.get("bytes").asInt()).isEqualTo((int) Files.size(envelope));
    assertThat(s.get("out").asText()).isEqualTo(envelope.toString());
    String messageId = s.get("messageId").asText();
    String sha256 = s.get("sha256").asText();
    String signedSha256 = s.get("signedSha256").asText();
    String createdAt = s.get("createdAt").asText();

    Path receipt = temp.resolve("receipt.jws");
    Cli.Result opened = Cli.run(args("open", "--json", "--keys", keys(RECIPIENT), trust(), "--receipt-out", receipt, envelope));
    assertThat(opened.exit()).as(opened.toString()).isZero();
    JsonNode o = opened.json();
    assertThat(o.get("ok").asBoolean()).isTrue();
    assertThat(o.get("signer").asText()).isEqualTo(SENDER);
    assertThat(o.get("sha256").asText()).isEqualTo(sha256);
    assertThat(o.get("signedSha256").asText()).isEqualTo(signedSha256);
    assertThat(o.get("message").get("header").get("messageId").asText()).isEqualTo(messageId);
    assertThat(receipt).exists();

    Cli.Result toStdout = Cli.run(args("seal", "--keys", keys(SENDER), trust(), Cli.freshMessage(temp, "request-vehicle-urgent.json")));
    assertThat(toStdout.exit()).as(toStdout.toString()).isZero();
    assertThat(toStdout.json().has("ciphertext")).isTrue();
    assertThat(toStdout.json().get("recipients")).hasSize(1);

    Cli.Result text = Cli.run(args("open", "--keys", keys(RECIPIENT), trust(), envelope));
    assertThat(text.exit()).isZero();
    assertThat(text.out()).contains(messageId);

    Cli.Result verified = Cli.run(args("verify-receipt", "--json", trust(), "--message-id", messageId, "--sha256", signedSha256,
        "--sent-at", createdAt, "--from", RECIPIENT, receipt));
    assertThat(verified.exit()).as(verified.toString()).isZero();
    assertThat(verified.json().get("ok").asBoolean()).isTrue();

    Cli.Result wrongDigest = Cli.run(args("verify-receipt", "--json", trust(), "--message-id", messageId,
        "--sha256", "0".repeat(64), "--sent-at", createdAt, "--from", RECIPIENT, receipt));
    assertThat(wrongDigest.exit()).isEqualTo(1);
    assertThat(wrongDigest.json().get("code").asText()).isEqualTo("PCCC-2018");
    Cli.Result wrongCentre = Cli.run(args("verify-receipt", trust(), "--message-id", messageId,
        "--sha256", signedSha256, "--sent-at", createdAt, "--from", THIRD, receipt));
    assertThat(wrongCentre.exit()).isEqualTo(1);

    // Not addressed to the third centre; and the envelope without the sender's message is rejected.
    Cli.Result third = Cli.run(args("open", "--json", "--keys", keys(THIRD), trust(), envelope));
    assertThat(third.exit()).isEqualTo(1);
    assertThat(third.json().get("code").asText()).isEqualTo("PCCC-2005");
  }

  @Test
  void aTamperedEnvelopeIsRejectedWithItsCode() throws Exception {
    Path message = Cli.freshMessage(temp, "request-vehicle-urgent.json");
    Path envelope = temp.resolve("to-tamper.json");
    assertThat(Cli.run(args("seal", "--keys", keys(SENDER), trust(), "--out", envelope, message)).exit()).isZero();
    String text = Files.readString(envelope);
    int at = text.indexOf("\"ciphertext\":\"") + 20;
    String tampered = text.substring(0, at) + (text.charAt(at) == 'A' ? 'B' : 'A') + text.substring(at + 1);
    Path bad = temp.resolve("tampered.json");
    Files.writeString(bad, tampered);
    Cli.Result r = Cli.run(args("open", "--json", "--keys", keys(RECIPIENT), trust(), bad));
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.json().get("ok").asBoolean()).isFalse();
    assertThat(r.json().get("code").asText()).isEqualTo("PCCC-2006");
    assertThat(r.json().has("error")).isTrue();
  }

  @Test
  void configurationProblemsExitTwoAndInvalidMessagesExitOne() throws Exception {
    Path message = Cli.freshMessage(temp, "request-vehicle-urgent.json");
    Path out = temp.resolve("x.json");
    // missing key folder, missing key file, missing directory, wrong coordinator
    assertThat(Cli.run(args("seal", "--keys", temp.resolve("nope"), trust(), "--out", out, message)).exit()).isEqualTo(2);
    Path partial = Files.createDirectories(temp.resolve("partial"));
    Files.copy(keys(SENDER).resolve("signing-key.pem"), partial.resolve("signing-key.pem"));
    Cli.Result missingFile = Cli.run(args("seal", "--json", "--keys", partial, trust(), "--out", out, message));
    assertThat(missingFile.exit()).isEqualTo(2);
    assertThat(missingFile.json().get("ok").asBoolean()).isFalse();
    assertThat(Cli.run("seal", "--keys", keys(SENDER), "--directory", temp.resolve("none.jws"),
        "--coordinator", net.resolve("directory/coordinator-cert.pem"), "--out", out, message).exit()).isEqualTo(2);
    assertThat(Cli.run("open", "--keys", keys(RECIPIENT), "--directory", net.resolve("directory/directory.jws"),
        "--coordinator", keys(SENDER).resolve("signing-cert.pem"), message).exit()).isEqualTo(2);
    Path garbageKey = Files.createDirectories(temp.resolve("garbage-keys"));
    for (String f : new String[] {"signing-key.pem", "signing-cert.pem", "encryption-key.pem", "encryption-cert.pem"}) {
      Files.writeString(garbageKey.resolve(f), "not pem");
    }
    assertThat(Cli.run(args("open", "--keys", garbageKey, trust(), message)).exit()).isEqualTo(2);
    // the sender is not the sealing centre: a configuration error of the caller
    assertThat(Cli.run(args("seal", "--keys", keys(THIRD), trust(), "--out", out, message)).exit()).isEqualTo(2);
    // an invalid message is rejected input
    Path invalid = temp.resolve("invalid.json");
    Files.writeString(invalid, Files.readString(message).replaceFirst("\"createdAt\":\"[^\"]*\"", "\"createdAt\":\"yesterday\""));
    Cli.Result r = Cli.run(args("seal", "--keys", keys(SENDER), trust(), "--out", out, invalid));
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.json().get("code").asText()).startsWith("PCCC-0");
    // garbage envelope is refused, not a crash
    Cli.Result garbage = Cli.run(args("open", "--json", "--keys", keys(RECIPIENT), trust(), message));
    assertThat(garbage.exit()).isEqualTo(1);
    assertThat(garbage.json().get("code").asText()).startsWith("PCCC-20");
  }

  @Test
  void directoryRollbackIsRefusedAcrossRunsAndVerifyNeverDefaultsToSerialZero() throws Exception {
    Path coordinatorCert = net.resolve("directory/coordinator-cert.pem");
    Path serial1 = net.resolve("directory/directory.jws");
    Cli.Result noMinimum = Cli.run("directory", "verify", "--coordinator", coordinatorCert, serial1);
    assertThat(noMinimum.exit()).as(noMinimum.toString()).isEqualTo(2);

    // The coordinator publishes serial 5, with its key encrypted at rest (password from a file).
    Path directoryJson = temp.resolve("directory-5.json");
    Files.writeString(directoryJson, Files.readString(net.resolve("directory/directory.json")).replace("\"serial\":1", "\"serial\":5"));
    Path password = temp.resolve("coordinator-password");
    Files.writeString(password, "correct horse battery staple\n");
    Path encryptedKey = temp.resolve("coordinator-key.enc.pem");
    Files.writeString(encryptedKey, org.pccc.crypto.pki.Pem.writeEncryptedPrivateKey(
        org.pccc.crypto.pki.Pem.readPrivateKey(net.resolve("directory/coordinator-key.pem"), null),
        "correct horse battery staple".toCharArray()));
    Path serial5 = temp.resolve("directory-5.jws");
    Cli.Result withoutPassword = Cli.run("directory", "sign", "--key", encryptedKey, "--cert", coordinatorCert, "--out", serial5, directoryJson);
    assertThat(withoutPassword.exit()).as(withoutPassword.toString()).isEqualTo(2);
    Cli.Result signed = Cli.run("directory", "sign", "--key", encryptedKey, "--key-password-file", password,
        "--cert", coordinatorCert, "--out", serial5, directoryJson);
    assertThat(signed.exit()).as(signed.toString()).isZero();

    Path state = temp.resolve("directory-state");
    Cli.Result first = Cli.run("directory", "verify", "--json", "--state", state, "--network", "SEE-TEST", "--coordinator", coordinatorCert, serial5);
    assertThat(first.exit()).as(first.toString()).isZero();
    assertThat(Files.readString(state)).isEqualTo("SEE-TEST 5\n");
    // A later run offered the old serial 1 (which may still list removed keys) refuses it.
    Cli.Result rollback = Cli.run("directory", "verify", "--json", "--state", state, "--coordinator", coordinatorCert, serial1);
    assertThat(rollback.exit()).as(rollback.toString()).isEqualTo(1);
    assertThat(rollback.json().get("code").asText()).isEqualTo("PCCC-2022");
    Cli.Result otherNetwork = Cli.run("directory", "verify", "--json", "--min-serial", 1, "--network", "SEE-PRODUCTION",
        "--coordinator", coordinatorCert, serial5);
    assertThat(otherNetwork.exit()).isEqualTo(1);
    assertThat(otherNetwork.json().get("code").asText()).isEqualTo("PCCC-2024");
    // The other commands take the same state: sealing against the rolled-back directory is refused too.
    Cli.Result seal = Cli.run("seal", "--keys", keys(SENDER), "--directory", serial1, "--coordinator", coordinatorCert,
        "--directory-state", state, "--out", temp.resolve("e.json"), Cli.freshMessage(temp, "request-vehicle-urgent.json"));
    assertThat(seal.exit()).as(seal.toString()).isEqualTo(2);
    assertThat(seal.err()).contains("PCCC-2022");
  }

  @Test
  void encryptedKeyFolderOpensWithThePasswordFromAnEnvironmentVariableOrFileOnly() throws Exception {
    Path folder = temp.resolve("encrypted-keys");
    org.pccc.crypto.pki.KeyPassword pw = org.pccc.crypto.pki.KeyPassword.of("s3cret-at-rest".toCharArray());
    org.pccc.crypto.pki.CentreKeyFolder.writeEncrypted(folder,
        org.pccc.crypto.pki.CentreKeyFolder.load(keys(SENDER), org.pccc.crypto.pki.KeyPassword.none()), pw);
    assertThat(Files.readString(folder.resolve("signing-key.pem"))).contains("ENCRYPTED PRIVATE KEY");
    Path message = Cli.freshMessage(temp, "request-vehicle-urgent.json");
    Cli.Result noPassword = Cli.run(args("seal", "--keys", folder, trust(), "--out", temp.resolve("x.json"), message));
    assertThat(noPassword.exit()).as(noPassword.toString()).isEqualTo(2);
    assertThat(noPassword.err()).contains("PCCC-2901");
    Path password = temp.resolve("pw");
    Files.writeString(password, "s3cret-at-rest\n");
    Cli.Result sealed = Cli.run(args("seal", "--keys", folder, "--key-password-file", password, trust(),
        "--out", temp.resolve("y.json"), message));
    assertThat(sealed.exit()).as(sealed.toString()).isZero();
    Cli.Result opened = Cli.run(args("open", "--json", "--keys", keys(RECIPIENT), trust(), temp.resolve("y.json")));
    assertThat(opened.exit()).as(opened.toString()).isZero();
  }

  @Test
  void directorySignAndVerify() throws Exception {
    Cli.Result v = Cli.run("directory", "verify", "--json", "--min-serial", 1, "--coordinator", net.resolve("directory/coordinator-cert.pem"),
        net.resolve("directory/directory.jws"));
    assertThat(v.exit()).as(v.toString()).isZero();
    assertThat(v.json().get("centres")).hasSize(3);
    assertThat(v.json().get("networkId").asText()).isEqualTo("SEE-TEST");

    Path resigned = temp.resolve("resigned.jws");
    Cli.Result s = Cli.run("directory", "sign", "--json", "--key", net.resolve("directory/coordinator-key.pem"),
        "--cert", net.resolve("directory/coordinator-cert.pem"), "--out", resigned, net.resolve("directory/directory.json"));
    assertThat(s.exit()).as(s.toString()).isZero();
    assertThat(s.json().get("centres").asInt()).isEqualTo(3);
    Cli.Result text = Cli.run("directory", "verify", "--min-serial", 1, "--coordinator", net.resolve("directory/coordinator-cert.pem"), resigned);
    assertThat(text.exit()).isZero();
    assertThat(text.out()).contains(SENDER, RECIPIENT, THIRD);

    Cli.Result wrongPin = Cli.run("directory", "verify", "--json", "--min-serial", 1, "--coordinator", keys(SENDER).resolve("signing-cert.pem"),
        resigned);
    assertThat(wrongPin.exit()).isEqualTo(1);
    assertThat(wrongPin.json().get("code").asText()).isEqualTo("PCCC-2017");
    Path flipped = temp.resolve("flipped.jws");
    byte[] bytes = Files.readAllBytes(resigned);
    bytes[bytes.length - 5] = (byte) (bytes[bytes.length - 5] == 'A' ? 'B' : 'A');
    Files.write(flipped, bytes);
    assertThat(Cli.run("directory", "verify", "--min-serial", 1, "--coordinator", net.resolve("directory/coordinator-cert.pem"), flipped).exit())
        .isEqualTo(1);

    Path brokenJson = temp.resolve("broken-directory.json");
    Files.writeString(brokenJson, "{\"pcccDirectory\":\"1.0\"}", StandardCharsets.UTF_8);
    assertThat(Cli.run("directory", "sign", "--key", net.resolve("directory/coordinator-key.pem"),
        "--cert", net.resolve("directory/coordinator-cert.pem"), "--out", temp.resolve("b.jws"), brokenJson).exit()).isEqualTo(1);
    assertThat(Cli.run("directory", "sign", "--key", temp.resolve("nokey.pem"),
        "--cert", net.resolve("directory/coordinator-cert.pem"), "--out", temp.resolve("b.jws"), brokenJson).exit()).isEqualTo(2);
  }
}
