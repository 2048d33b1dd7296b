/**
 * Values and results shared by every Ferry contract: data addresses, start messages, outcomes.
 */
@Export
@Version("1.0.0")
package dev.ferry.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
