/**
 * Implementation details of {@code org.pccc.crypto.jose}: strict base64url and JSON, key
 * classification, and the primitives. Not an API: anything here may change without notice.
 */
package org.pccc.crypto.internal.jose;
