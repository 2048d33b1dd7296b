/**
 * Ferry's core for plain-Java use: {@link dev.ferry.core.Ferry} builds the data plane without OSGi,
 * and the stream helpers let user code move bytes through it.
 */
@Export
@Version("1.0.0")
package dev.ferry.core;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
