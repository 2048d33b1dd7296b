package dev.ferry.signaling.internal.dps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.signaling.internal.Answer;
import dev.ferry.signaling.internal.Api;
import dev.ferry.signaling.internal.ApiException;
import dev.ferry.signaling.internal.ApiRequest;
import dev.ferry.signaling.internal.Json;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** DPS control plane registration on the data plane: {@code PUT /controlplanes}, {@code DELETE /controlplanes/{id}}. */
public final class DpsControlPlaneApi implements Api {

    private static final Logger LOG = LoggerFactory.getLogger(DpsControlPlaneApi.class);
    private static final String ROOT = "controlplanes";
    private static final String MESSAGE = "ControlPlaneRegistrationMessage";

    private final ControlPlaneRegistry controlPlanes;

    public DpsControlPlaneApi(ControlPlaneRegistry controlPlanes) {
        this.controlPlanes = controlPlanes;
    }

    @Override
    public Optional<Answer> handle(ApiRequest r) {
        if (r.segments().isEmpty() || !r.segment(0).equals(ROOT)) {
            return Optional.empty();
        }
        if (r.matches("PUT", ROOT)) {
            ObjectNode node = Json.parseObject(r.body(), MESSAGE);
            String id = DpsFields.text(node, "controlplaneId", MESSAGE);
            String endpoint = DpsFields.text(node, "endpoint", MESSAGE);
            DpsFields.optionalObject(node, "authorization");
            controlPlanes.put(id, DpsFields.url(endpoint, "endpoint"));
            LOG.info("DPS control plane {} registered at {}", id, endpoint);
            return Optional.of(Answer.empty(200));
        }
        if (r.matches("DELETE", ROOT, "*")) {
            if (!controlPlanes.remove(r.segment(1))) {
                throw ApiException.notFound("no control plane registered with id " + r.segment(1));
            }
            return Optional.of(Answer.empty(204));
        }
        throw ApiException.notFound("DPS has no " + r.method() + " " + String.join("/", r.segments())
                + "; see PUT controlplanes, DELETE controlplanes/{id}");
    }
}
