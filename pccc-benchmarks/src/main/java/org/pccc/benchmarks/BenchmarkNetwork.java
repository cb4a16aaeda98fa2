package org.pccc.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pccc.crypto.EnvelopeOpener;
import org.pccc.crypto.EnvelopeSealer;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.crypto.ReplayGuard;
import org.pccc.crypto.pki.KeyProfile;
import org.pccc.model.Party;

/**
 * A development network for the envelope benchmarks: one sender and {@value #MAX_RECIPIENTS}
 * receiving centres, keys generated from a fixed seed, one network per key profile (built once per
 * JVM, because generating 22 certified key pairs is setup, not measurement). Thread-safe.
 */
final class BenchmarkNetwork {
  /** The most recipients any benchmark addresses. */
  static final int MAX_RECIPIENTS = 20;
  /** The sending centre. */
  static final String SENDER = "BENCH-SENDER";

  private static final String[] COUNTRIES = {"MK", "RS", "BG", "GR", "AL", "ME", "BA", "RO", "HR", "SI"};
  private static final Map<KeyProfile, BenchmarkNetwork> BY_PROFILE = new ConcurrentHashMap<>();

  /**
   * A replay guard that accepts every message id: benchmark only, so that one envelope can be
   * opened again and again. A real opener must never use it.
   */
  static final ReplayGuard ACCEPT_ALL = (signer, messageId, createdAt) -> true;

  private final InsecureDevelopmentNetwork network;
  private final KeyProfile profile;

  private BenchmarkNetwork(KeyProfile profile) {
    this.profile = profile;
    InsecureDevelopmentNetwork.Builder b =
        InsecureDevelopmentNetwork.builder("BENCH-" + profile.name().replace('_', '-')).insecureSeed(42).clock(java.time.Clock.systemUTC()).profile(profile);
    b.centre(SENDER, "MK");
    for (int i = 1; i <= MAX_RECIPIENTS; i++) {
      b.centre(recipientId(i), COUNTRIES[i % COUNTRIES.length]);
    }
    this.network = b.build();
  }

  /** Returns the network of a profile, building it on first use. */
  static BenchmarkNetwork of(KeyProfile profile) {
    return BY_PROFILE.computeIfAbsent(profile, BenchmarkNetwork::new);
  }

  /** Returns the id of recipient number {@code i}, from 1. */
  static String recipientId(int i) {
    return "BENCH-R" + (i < 10 ? "0" : "") + i;
  }

  /** Returns the sender as a party. */
  Party senderParty() {
    return Party.of(SENDER, "MK");
  }

  /** Returns the first {@code count} recipients as parties. */
  List<Party> recipientParties(int count) {
    if (count < 1 || count > MAX_RECIPIENTS) {
      throw new IllegalArgumentException("1 to " + MAX_RECIPIENTS + " recipients");
    }
    List<Party> parties = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      parties.add(Party.of(recipientId(i), COUNTRIES[i % COUNTRIES.length]));
    }
    return parties;
  }

  /** Returns the sender's sealer with default settings. */
  EnvelopeSealer sealer() {
    return network.sealer(SENDER);
  }

  /** Returns an opener for the first recipient that never refuses a replay (see {@link #ACCEPT_ALL}). */
  EnvelopeOpener firstRecipientOpener() {
    String centre = recipientId(1);
    return EnvelopeOpener.builder(network.keys(centre), network.directory(), ACCEPT_ALL).build();
  }

  /** Returns the development network. */
  InsecureDevelopmentNetwork network() {
    return network;
  }

  /** Returns the key profile. */
  KeyProfile profile() {
    return profile;
  }
}
