/** Implementation details shared by the built-in transports; not API. */
package org.pccc.transport.internal;
