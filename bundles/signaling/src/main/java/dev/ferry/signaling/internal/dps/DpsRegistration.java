package dev.ferry.signaling.internal.dps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.signaling.internal.Json;
import dev.ferry.signaling.internal.NodeTypes;
import java.net.URI;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code DataPlaneRegistrationMessage} sent with {@code PUT {controlPlane}/dataplanes}.
 * {@code HttpData} is announced as the HTTP transfer profile; other types, which have no registered
 * profile yet, as {@code <Type>-PUSH}. No {@code authorization} object is sent: the node has no
 * authorization profile configured (see docs/decisions/0038).
 */
public final class DpsRegistration {

    private DpsRegistration() {
    }

    public static String body(String dataplaneId, URI signalingBase, NodeTypes types) {
        ObjectNode body = Json.object();
        body.put("dataplaneId", dataplaneId);
        body.put("endpoint", signalingBase.toString());
        ArrayNode profiles = body.putArray("profiles");
        profiles(types).forEach(profiles::add);
        return Json.write(body);
    }

    static Set<String> profiles(NodeTypes types) {
        Set<String> profiles = new TreeSet<>();
        for (String type : types.destinationTypes()) {
            profiles.add(type.equals("HttpData") ? DpsDataAddresses.HTTP_PUSH : type + "-PUSH");
        }
        if (types.pull()) {
            profiles.add(DpsDataAddresses.HTTP_PULL);
        }
        return profiles;
    }
}
