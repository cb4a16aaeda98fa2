package org.pccc.crypto.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys at rest: encrypted PKCS#8 PEM and PKCS#12 key folders, the password from a file only. */
class CentreKeyFolderTest {
  private static final InsecureDevelopmentPki PKI = InsecureDevelopmentPki.builder().insecureSeed(44)
      .centre("MK-RS-TABANOVCE", "MK", "Police").build();
  private static final CentreKeys KEYS = PKI.centre("MK-RS-TABANOVCE");

  @TempDir Path temp;

  @Test
  void anEncryptedPemFolderLoadsWithItsPasswordFileAndNotWithout() throws Exception {
    Path folder = temp.resolve("keys");
    CentreKeyFolder.writeEncrypted(folder, KEYS, KeyPassword.of("long and secret".toCharArray()));
    assertThat(Files.readString(folder.resolve(CentreKeyFolder.SIGNING_KEY))).contains("ENCRYPTED PRIVATE KEY")
        .doesNotContain("BEGIN PRIVATE KEY");
    assertThat(Files.list(folder).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".jwk"));

    assertThatThrownBy(() -> CentreKeyFolder.load(folder, KeyPassword.none()))
        .isInstanceOf(KeyLoadingException.class).hasMessageContaining(KeyLoadingException.CODE);
    Path wrong = Files.writeString(temp.resolve("wrong"), "not the password\n");
    assertThatThrownBy(() -> CentreKeyFolder.load(folder, KeyPassword.fromFile(wrong)))
        .isInstanceOf(KeyLoadingException.class).hasMessageNotContaining("not the password");

    Path right = Files.writeString(temp.resolve("right"), "long and secret\n");
    CentreKeys loaded = CentreKeyFolder.load(folder, KeyPassword.fromFile(right));
    assertThat(loaded.centreId()).isEqualTo(KEYS.centreId());
    assertThat(loaded.signing().privateKey().getEncoded()).isEqualTo(KEYS.signing().privateKey().getEncoded());
    assertThat(loaded.encryption().certificate()).isEqualTo(KEYS.encryption().certificate());
  }

  @Test
  void aPkcs12FolderNeedsItsPassword() {
    Path folder = temp.resolve("p12");
    Map<String, CertifiedPrivateKey> entries = new LinkedHashMap<>();
    entries.put(InsecureDevelopmentPki.SIGNING_ALIAS, CertifiedPrivateKey.of(KEYS.signing()));
    entries.put(InsecureDevelopmentPki.ENCRYPTION_ALIAS, CertifiedPrivateKey.of(KEYS.encryption()));
    try {
      Files.createDirectories(folder);
      Files.write(folder.resolve(CentreKeyFolder.PKCS12), Pkcs12.write(entries, "p12 secret".toCharArray()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThatThrownBy(() -> CentreKeyFolder.load(folder, KeyPassword.none())).isInstanceOf(KeyLoadingException.class);
    CentreKeys loaded = CentreKeyFolder.load(folder, KeyPassword.of("p12 secret".toCharArray()));
    assertThat(loaded.signing().certificate()).isEqualTo(KEYS.signing().certificate());
    assertThat(loaded.encryption().privateKey().getEncoded()).isEqualTo(KEYS.encryption().privateKey().getEncoded());
  }

  @Test
  void aPasswordFileThatIsALinkOrEmptyIsRefusedAndThePasswordNeverPrinted() throws Exception {
    Path real = Files.writeString(temp.resolve("real"), "hunter2-long\n");
    Path link = Files.createSymbolicLink(temp.resolve("link"), real);
    assertThatThrownBy(() -> KeyPassword.fromFile(link)).isInstanceOf(KeyLoadingException.class);
    Path empty = Files.writeString(temp.resolve("empty"), "\n");
    assertThatThrownBy(() -> KeyPassword.fromFile(empty)).isInstanceOf(KeyLoadingException.class);
    assertThat(KeyPassword.fromFile(real).toString()).doesNotContain("hunter2");
    assertThat(new String(KeyPassword.fromFile(real).chars())).isEqualTo("hunter2-long");
    assertThatThrownBy(() -> KeyPassword.fromEnvironment("PCCC_TEST_SURELY_UNSET_VARIABLE"))
        .isInstanceOf(KeyLoadingException.class);
  }
}
