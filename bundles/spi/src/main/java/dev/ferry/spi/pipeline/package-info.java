/**
 * The pipeline contracts of the Data Plane Framework: sources made of parts, sinks that pull from
 * them, and the factories that transfer-type bundles provide per address type.
 */
@Export
@Version("1.0.0")
package dev.ferry.spi.pipeline;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
