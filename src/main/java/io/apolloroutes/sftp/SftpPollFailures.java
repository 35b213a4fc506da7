package io.apolloroutes.sftp;

import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchHostKeyException;
import io.apolloroutes.ingest.SourceStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.RouteAware;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Explains failed SFTP polls and decides what follows. A server that is away or refuses the login is
 * tried again at later polls (the consumer skips some in between), with one warning per outage rather
 * than one per poll. A host key that does not match the known_hosts file stops the import: whoever
 * answers may not be the server the files should come from, so nothing more is tried until a person
 * has looked. Used as the SFTP consumer's {@code pollStrategy}.
 */
@Component("sftpPollFailures")
public class SftpPollFailures implements PollingConsumerPollStrategy, ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SftpPollFailures.class);

    private final SftpProperties sftp;
    private final CamelContext camel;
    private volatile SourceStatus status = SourceStatus.starting();
    private volatile Throwable explained;

    public SftpPollFailures(SftpProperties sftp, @Lazy CamelContext camel) {
        this.sftp = sftp;
        this.camel = camel;
    }

    /** How the last poll went. */
    public SourceStatus status() {
        return status;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        if (status.isDown()) {
            LOG.info("SFTP: {} answers again; importing resumes.", server());
        }
        status = SourceStatus.up();
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        explained = cause;
        JSchHostKeyException hostKey = ObjectHelper.getException(JSchHostKeyException.class, cause);
        if (hostKey != null) {
            String reason = "the host key of " + server() + " is not the one in " + sftp.knownHostsFile()
                    + " (" + hostKey.getMessage() + ")";
            LOG.error("SFTP: import stopped: {}. Nothing is downloaded from a server whose identity cannot be"
                    + " confirmed. If the server's key really changed, put its new key in that known_hosts file and"
                    + " restart.", reason);
            status = SourceStatus.stopped(reason);
            stopRoute(consumer);
            return false;
        }
        JSchException ssh = ObjectHelper.getException(JSchException.class, cause);
        String reason = ssh != null ? explain(ssh) : String.valueOf(cause.getMessage());
        if (!status.isSameOutage(reason)) {
            LOG.warn("SFTP: cannot import from {}: {}. Trying again later.", server(), reason);
        }
        status = SourceStatus.down(reason);
        return false;
    }

    /**
     * The consumer's own report of a failure: a failed poll is already explained above, in a line
     * rather than a stack trace; anything else (a file that could not be moved afterwards) is not.
     */
    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (exception == explained) {
            LOG.debug("SFTP: {}", message, exception);
        } else {
            LOG.warn("SFTP: {}", message, exception);
        }
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(String.valueOf(exception.getMessage()), null, exception);
    }

    private static String explain(JSchException failure) {
        String message = String.valueOf(failure.getMessage());
        if (message.startsWith("Auth fail") || message.contains("Auth cancel")) {
            return "the server refused the login (check sftp.username and sftp.private-key-file or sftp.password,"
                    + " and that the key's public half is in the account's authorized_keys)";
        }
        return message;
    }

    private void stopRoute(Consumer consumer) {
        if (consumer instanceof RouteAware aware && aware.getRoute() != null) {
            String routeId = aware.getRoute().getRouteId();
            // from a thread of its own: stopping the route waits for this very poll to end
            Thread stopper = new Thread(() -> {
                try {
                    camel.getRouteController().stopRoute(routeId);
                } catch (Exception e) {
                    LOG.error("SFTP: could not stop route {}: {}", routeId, e.toString());
                }
            }, "sftp-import-stop");
            stopper.setDaemon(true);
            stopper.start();
        }
    }

    private String server() {
        return sftp.username() + "@" + sftp.host() + ":" + sftp.port();
    }
}
