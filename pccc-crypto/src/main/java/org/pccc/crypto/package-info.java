/** The PCCC secure envelope. */
package org.pccc.crypto;
