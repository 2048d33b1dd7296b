/**
 * Secrets: addresses name a secret (e.g. an address's {@code keyName}) and a {@link Vault} resolves
 * it, so credentials never travel in start messages, flow state, logs or callbacks.
 */
@Export
@Version("1.0.0")
package dev.ferry.spi.secrets;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
