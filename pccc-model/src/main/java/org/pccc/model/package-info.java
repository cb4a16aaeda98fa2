/** The shared PCCC exchange schema. */
package org.pccc.model;
