/**
 * Implementation details of {@code org.pccc.crypto.pki}. Not an API: anything here may change
 * without notice.
 */
package org.pccc.crypto.internal.pki;
