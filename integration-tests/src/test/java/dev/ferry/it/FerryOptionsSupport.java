package dev.ferry.it;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import org.ops4j.pax.exam.Option;

/** The node pax-exam starts: SCR, ConfigAdmin and the Ferry core; transfer bundles by choice. */
final class FerryOptionsSupport {

    private FerryOptionsSupport() {
    }

    /** A file: URL of the bundle whose path failsafe passed as {@code ferry.bundle.<name>}. */
    static String bundleUrl(String name) {
        String path = System.getProperty("ferry.bundle." + name);
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("ferry.bundle." + name + " does not name a built bundle: " + path);
        }
        return new File(path).toURI().toString();
    }

    static Option[] node(boolean withFile) {
        Option[] base = options(
                cleanCaches(true),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                systemProperty("ferry.test.dir").value(System.getProperty("ferry.test.dir")),
                bundle(bundleUrl("promise")),
                bundle(bundleUrl("function")),
                bundle(bundleUrl("component")),
                bundle(bundleUrl("scr")),
                bundle(bundleUrl("configadmin")),
                bundle(bundleUrl("asm")),
                bundle(bundleUrl("asm-tree")),
                bundle(bundleUrl("asm-analysis")),
                bundle(bundleUrl("asm-commons")),
                bundle(bundleUrl("asm-util")),
                bundle(bundleUrl("spifly")),
                bundle(bundleUrl("slf4j")),
                bundle(bundleUrl("slf4j-simple")),
                bundle(bundleUrl("spi")),
                bundle(bundleUrl("core")),
                bundle(bundleUrl("hamcrest")),
                bundle(bundleUrl("awaitility")),
                junitBundles());
        return withFile ? options(composite(base), bundle(bundleUrl("file"))) : base;
    }
}
