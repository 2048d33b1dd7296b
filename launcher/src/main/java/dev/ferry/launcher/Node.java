package dev.ferry.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/**
 * One running Felix framework with the bundles and configurations of a {@link NodePlan}. Start order:
 * install every bundle, start them group by group in start order, and write the feature
 * configurations as soon as ConfigurationAdmin is up (before later groups start, so their
 * components activate once, configured). {@link #close()} stops the framework; idempotent.
 */
final class Node implements AutoCloseable {

    private final Layout layout;
    private final NodePlan plan;
    private final Variables variables;
    private final PrintStream out;
    private Framework framework;
    private TransferTypeTracker types;
    private Path storage;
    private final List<String> problems = new ArrayList<>();
    private final PhaseTimer timer;

    Node(Layout layout, NodePlan plan, Variables variables, PrintStream out) {
        this.layout = layout;
        this.plan = plan;
        this.variables = variables;
        this.out = out;
        this.timer = new PhaseTimer(out);
    }

    /** Boots the framework and starts the plan's bundles; returns when every bundle was started. */
    Node start() {
        List<BundleFiles.Resolved> files = new BundleFiles(layout).resolve(plan.bundles());
        Map<String, Map<String, Object>> configurations = resolvedConfigurations(); // a bad variable fails here, before any start
        try {
            storage = Files.createTempDirectory("ferry-felix-");
            framework = new FrameworkFactory().newFramework(frameworkProperties());
            framework.init();
            timer.phase("framework initialised");
            BundleContext context = framework.getBundleContext();
            types = new TransferTypeTracker(context).open();
            Map<BundleFiles.Resolved, Bundle> installed = new LinkedHashMap<>();
            for (BundleFiles.Resolved file : files) {
                if (!file.providedByLauncher()) {
                    // reference: leaves the jar where it is instead of copying it into the cache
                    installed.put(file, context.installBundle("reference:" + file.file().toUri()));
                }
            }
            timer.phase(installed.size() + " bundles installed");
            framework.start();
            startInOrder(context, installed, configurations);
            timer.phase("bundles started");
            return this;
        } catch (IOException | BundleException e) {
            close();
            throw new LaunchException("the OSGi framework did not start: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(); // e.g. a configuration naming an unknown variable: leave no framework or temp folder behind
            throw e;
        }
    }

    private void startInOrder(BundleContext context, Map<BundleFiles.Resolved, Bundle> installed,
                              Map<String, Map<String, Object>> configurations) {
        boolean configured = configurations.isEmpty();
        List<Map.Entry<BundleFiles.Resolved, Bundle>> entries = new ArrayList<>(installed.entrySet());
        entries.sort(Comparator.comparingInt(e -> e.getKey().bundle().startOrder()));
        int i = 0;
        while (i < entries.size()) {
            int order = entries.get(i).getKey().bundle().startOrder();
            for (; i < entries.size() && entries.get(i).getKey().bundle().startOrder() == order; i++) {
                startBundle(entries.get(i).getValue());
            }
            timer.phase("start order " + order);
            if (!configured) {
                configured = applyConfigurations(context, configurations);
                timer.phase("configurations");
            }
        }
        if (!configured) {
            problems.add("the features have configurations but no ConfigurationAdmin bundle: add feature ferry-runtime");
        }
    }

    private void startBundle(Bundle bundle) {
        if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return;
        }
        long begin = System.nanoTime();
        try {
            bundle.start();
            timer.step(bundle.getSymbolicName(), begin);
        } catch (BundleException e) {
            problems.add(bundle.getSymbolicName() + " did not start: " + e.getMessage());
        }
    }

    /** Writes the feature configurations; false when ConfigurationAdmin is not there yet. */
    private boolean applyConfigurations(BundleContext context, Map<String, Map<String, Object>> configurations) {
        ConfigAdminBridge admin = ConfigAdminBridge.find(context);
        if (admin == null) {
            return false;
        }
        configurations.forEach((pid, properties) -> {
            if (!overriddenByConfigFolder(pid)) { // config/<pid>.cfg replaces it as a whole (FileInstall writes that)
                admin.update(pid, properties);
            }
        });
        return true;
    }

    private Map<String, Map<String, Object>> resolvedConfigurations() {
        Map<String, Map<String, Object>> resolved = new LinkedHashMap<>();
        plan.configurations().forEach((pid, properties) -> {
            Map<String, Object> values = new HashMap<>();
            properties.forEach((k, v) -> values.put(k, variables.resolveValue(v, "configuration " + pid + ", " + k)));
            resolved.put(pid, values);
        });
        return resolved;
    }

    private boolean overriddenByConfigFolder(String pid) {
        String file = pid.replace('~', '-');
        return Files.exists(layout.config().resolve(file + ".cfg")) || Files.exists(layout.config().resolve(file + ".config"));
    }

    private Map<String, String> frameworkProperties() {
        Map<String, String> props = new HashMap<>();
        plan.frameworkProperties().forEach((k, v) -> props.put(k, variables.resolve(v, "framework property " + k)));
        props.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SpiExports.exportPackage());
        props.put(Variables.HOME, layout.home().toString());
        return props;
    }

    /** Problems met while starting (bundles that did not start), for the console. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    TransferTypeTracker types() {
        return types;
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    int bundleCount() {
        return framework.getBundleContext().getBundles().length - 1;
    }

    /** Blocks until the framework stops (by {@link #close()} or from inside). */
    void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    @Override
    public synchronized void close() {
        if (types != null) {
            types.reportTo(line -> { }); // the whole node going down is not news type by type
            types.close();
            types = null;
        }
        if (framework != null) {
            try {
                framework.stop();
                framework.waitForStop(30_000);
            } catch (BundleException | InterruptedException e) {
                out.println("Ferry: the framework did not stop cleanly: " + e.getMessage());
            }
        }
        if (storage != null) {
            deleteTree(storage);
            storage = null;
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }
}
