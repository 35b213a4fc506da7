package io.apolloroutes.sync;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * One route per sheet listed under {@code sync.sources}, made from the {@code sheet-sync} template in
 * {@code routes/sync.camel.yaml}: each sheet has its own schedule, and one failing leaves the others be.
 */
@Component
public class SheetSyncRoutes implements CamelContextConfiguration {

    private final SyncProperties sync;

    public SheetSyncRoutes(SyncProperties sync) {
        this.sync = sync;
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        // the template is read with the routes, after this
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        sync.sources().forEach((name, source) -> TemplatedRouteBuilder.builder(camel, "sheet-sync")
                .routeId("sheet-sync-" + name)
                .parameter("source", name)
                .parameter("cron", source.cron())
                .add());
    }
}
