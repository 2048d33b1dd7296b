/** The {@code HttpData} transfer type: its address property names. */
@Export
@Version("1.0.0")
package dev.ferry.transfer.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
