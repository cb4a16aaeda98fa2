/** The {@code kafka:} transport. */
package org.pccc.transport.kafka;
