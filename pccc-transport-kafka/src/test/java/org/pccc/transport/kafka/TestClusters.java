package org.pccc.transport.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** Starts KRaft clusters in this JVM with the Kafka test kit, on loopback addresses only. */
final class TestClusters {
  private TestClusters() {}

  /**
   * Starts a cluster of {@code brokers} brokers and one controller (combined with the first broker
   * when there is only one broker).
   */
  static KafkaClusterTestKit start(int brokers, Map<String, String> brokerSettings) throws Exception {
    TestKitNodes nodes = new TestKitNodes.Builder()
        .setCombined(brokers == 1)
        .setNumBrokerNodes(brokers)
        .setNumControllerNodes(1)
        .build();
    KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
    Map<String, String> config = new HashMap<>();
    config.put("offsets.topic.replication.factor", Integer.toString(Math.min(3, brokers)));
    config.put("offsets.topic.num.partitions", "3");
    config.put("transaction.state.log.replication.factor", Integer.toString(Math.min(3, brokers)));
    config.put("transaction.state.log.min.isr", "1");
    config.put("group.initial.rebalance.delay.ms", "0");
    config.put("auto.create.topics.enable", "false");
    config.put("num.network.threads", "2");
    config.put("num.io.threads", "2");
    config.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
    config.putAll(brokerSettings);
    config.forEach(builder::setConfigProp);
    KafkaClusterTestKit cluster = builder.build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    return cluster;
  }
}
