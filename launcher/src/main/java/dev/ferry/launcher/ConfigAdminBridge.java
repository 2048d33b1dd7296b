package dev.ferry.launcher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Writes configurations through the framework's ConfigurationAdmin service. The launcher's class
 * path has no {@code org.osgi.service.cm}, so the API is loaded from the bundle that registered the
 * service and called reflectively (three methods). Location {@code ?} lets any bundle receive it.
 */
final class ConfigAdminBridge {

    static final String SERVICE = "org.osgi.service.cm.ConfigurationAdmin";

    private final Object admin;
    private final Method getConfiguration;
    private final Method getFactoryConfiguration;
    private final Method update;

    private ConfigAdminBridge(Object admin, Class<?> adminType, Class<?> configurationType) throws NoSuchMethodException {
        this.admin = admin;
        this.getConfiguration = adminType.getMethod("getConfiguration", String.class, String.class);
        this.getFactoryConfiguration = adminType.getMethod("getFactoryConfiguration", String.class, String.class, String.class);
        this.update = configurationType.getMethod("update", Dictionary.class);
    }

    /** The bridge to the registered ConfigurationAdmin, or null when there is none (yet). */
    static ConfigAdminBridge find(BundleContext context) {
        ServiceReference<?> ref = context.getServiceReference(SERVICE);
        if (ref == null) {
            return null;
        }
        try {
            Class<?> adminType = ref.getBundle().loadClass(SERVICE);
            Class<?> configurationType = ref.getBundle().loadClass("org.osgi.service.cm.Configuration");
            return new ConfigAdminBridge(context.getService(ref), adminType, configurationType);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new LaunchException("the ConfigurationAdmin bundle " + ref.getBundle().getSymbolicName()
                    + " does not offer the Configuration Admin 1.6 API: " + e.getMessage(), e);
        }
    }

    /** Creates or replaces configuration {@code pid}; {@code factory~name} makes a named factory configuration. */
    void update(String pid, Map<String, Object> properties) {
        try {
            int tilde = pid.indexOf('~');
            Object configuration = tilde < 0 ? getConfiguration.invoke(admin, pid, "?")
                    : getFactoryConfiguration.invoke(admin, pid.substring(0, tilde), pid.substring(tilde + 1), "?");
            update.invoke(configuration, new Hashtable<>(properties));
        } catch (InvocationTargetException e) {
            throw new LaunchException("configuration " + pid + " was refused: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new LaunchException("cannot call ConfigurationAdmin: " + e.getMessage(), e);
        }
    }
}
