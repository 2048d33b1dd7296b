/**
 * Flow management contracts: the data plane manager, transfer services and their registry, flow
 * state and its store, and listeners to state changes.
 */
@Export
@Version("1.1.0")
package dev.ferry.spi.flow;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
