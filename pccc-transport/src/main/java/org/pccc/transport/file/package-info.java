/**
 * The {@code file:} transport: a drop folder per recipient with write, force, atomic rename, for
 * air-gapped or intermittent links; see {@link org.pccc.transport.file.FileTransport}.
 */
package org.pccc.transport.file;
