package io.apolloroutes.sync;

import io.apolloroutes.ingest.SourceStatus;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;

/**
 * The synced sheets in {@code /actuator/health} (component {@code sheetSync}): down while any sheet's
 * last sync could not read it, with each sheet's state and reason.
 */
@Component("sheetSyncHealthIndicator")
@Conditional(SheetSyncHealth.AnySources.class)
public class SheetSyncHealth implements HealthIndicator {

    /** Only with sheets to sync. */
    static class AnySources implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bind("sync.sources", Bindable.mapOf(String.class, Object.class))
                    .map(sources -> !sources.isEmpty()).orElse(false);
        }
    }

    private final SheetSync sync;

    public SheetSyncHealth(SheetSync sync) {
        this.sync = sync;
    }

    @Override
    public Health health() {
        Map<String, SourceStatus> statuses = new TreeMap<>(sync.statuses());
        boolean down = statuses.values().stream().anyMatch(SourceStatus::isDown);
        Health.Builder health = down ? Health.down() : Health.up();
        statuses.forEach((name, status) -> health.withDetail(name, status.describe()));
        return health.build();
    }
}
