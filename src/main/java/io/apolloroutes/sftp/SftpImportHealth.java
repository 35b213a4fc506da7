package io.apolloroutes.sftp;

import io.apolloroutes.ingest.SourceStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The SFTP import in {@code /actuator/health} (component {@code sftpImport}): down while the server
 * cannot be reached or refuses the login, and once the import stopped over a host key, with the reason.
 */
@Component("sftpImport")
@ConditionalOnExpression("!'${sftp.host:}'.isBlank()")
public class SftpImportHealth implements HealthIndicator {

    private final SftpPollFailures polls;
    private final SftpProperties sftp;

    public SftpImportHealth(SftpPollFailures polls, SftpProperties sftp) {
        this.polls = polls;
        this.sftp = sftp;
    }

    @Override
    public Health health() {
        SourceStatus status = polls.status();
        Health.Builder health = switch (status.state()) {
            case STARTING, UP -> Health.up();
            case DOWN, STOPPED -> Health.down().withDetail("reason", status.reason());
        };
        return health.withDetail("state", status.state().name().toLowerCase())
                .withDetail("server", sftp.host() + ":" + sftp.port()).build();
    }
}
