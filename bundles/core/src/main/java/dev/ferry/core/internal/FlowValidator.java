package dev.ferry.core.internal;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.FlowType;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.PullAddressIssuer;
import dev.ferry.spi.flow.TransferService;
import dev.ferry.spi.flow.TransferServiceRegistry;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Decides whether this node can run a flow, and if not, says which type is missing. */
final class FlowValidator {

    private final TransferServiceRegistry registry;
    private final Supplier<PullAddressIssuer> pullIssuer;

    FlowValidator(TransferServiceRegistry registry, Supplier<PullAddressIssuer> pullIssuer) {
        this.registry = registry;
        this.pullIssuer = pullIssuer;
    }

    StreamResult<Void> validate(DataFlowStartMessage message) {
        if (message.flowType() == FlowType.PULL) {
            Set<String> sources = registry.sourceTypes();
            if (!sources.contains(message.source().type())) {
                return StreamResult.badRequest(missingType("source", message.source().type(), sources));
            }
            return pullIssuer.get() == null
                    ? StreamResult.badRequest("flowType: PULL needs the public API feature, which this node lacks")
                    : StreamResult.success();
        }
        Optional<TransferService> service = registry.resolve(message);
        return service.isPresent() ? service.get().validate(message) : StreamResult.badRequest(explain(message));
    }

    private String explain(DataFlowStartMessage message) {
        Set<String> sources = registry.sourceTypes();
        if (!sources.contains(message.source().type())) {
            return missingType("source", message.source().type(), sources);
        }
        Set<String> destinations = registry.destinationTypes();
        if (!destinations.contains(message.destination().type())) {
            return missingType("destination", message.destination().type(), destinations);
        }
        return "no transfer service on this node can move '" + message.source().type() + "' to '"
                + message.destination().type() + "'";
    }

    /** The message for a type no factory serves, naming the field and the fix. */
    static String missingType(String field, String type, Set<String> available) {
        String factory = field.equals("source") ? "source" : "sink";
        return field + ".type: no " + factory + " factory for type '" + type + "' on this node (it has "
                + (available.isEmpty() ? "none" : String.join(", ", available.stream().sorted().toList()))
                + "); install the bundle or feature that provides it";
    }
}
