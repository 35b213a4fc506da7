package io.apolloroutes.sftp;

import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesSource;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Builds the SFTP consumer's endpoint from the {@code sftp.*} settings and offers it to the routes as
 * the property {@code sftp-import.uri}, with {@code sftp-import.enabled} for the route's precondition.
 *
 * <p>Built in code rather than written out in the route because the settings are alternatives Camel
 * refuses side by side (a key or a password, moving or deleting, a delay or a cron). The address holds
 * no secret: Camel logs it (see {@link SftpSecrets}).
 */
@Component
public class SftpSourceUri implements PropertiesSource {

    static final String ENABLED = "sftp-import.enabled";
    static final String URI = "sftp-import.uri";

    private final SftpProperties sftp;
    private final CamelContext camel;

    public SftpSourceUri(SftpProperties sftp, @Lazy CamelContext camel) {
        this.sftp = sftp;
        this.camel = camel;
    }

    @Override
    public String getName() {
        return "sftp-import";
    }

    @Override
    public String getProperty(String name) {
        return switch (name) {
            case ENABLED -> Boolean.toString(sftp.enabled());
            case URI -> sftp.enabled() ? uri() : null;
            default -> null;
        };
    }

    String uri() {
        Map<String, Object> options = new HashMap<>();
        options.put("host", sftp.host());
        options.put("port", sftp.port());
        options.put("directoryName", sftp.directory());
        options.put("username", sftp.username());
        if (sftp.privateKeyFile() != null) {
            options.put("privateKeyFile", sftp.privateKeyFile().toAbsolutePath().toString());
            options.put("preferredAuthentications", "publickey");
        } else {
            options.put("preferredAuthentications", "password,keyboard-interactive");
        }
        // the password or the key's passphrase are handed over by SftpSecrets, never in the address
        // host keys: only the configured known_hosts counts, never the user's ~/.ssh/known_hosts
        options.put("strictHostKeyChecking", sftp.strictHostKeyChecking() ? "yes" : "no");
        options.put("useUserKnownHostsFile", false);
        if (sftp.knownHostsFile() != null) {
            options.put("knownHostsFile", sftp.knownHostsFile().toAbsolutePath().toString());
        }
        options.put("connectTimeout", sftp.connectTimeout().toMillis());
        options.put("soTimeout", sftp.connectTimeout().toMillis());
        // a failed connection is an error of the poll, so the poll strategy can explain it and back off
        options.put("throwExceptionOnConnectFailed", true);
        options.put("autoCreate", false);
        options.put("binary", true);
        // to disk, then read from there: a large file is never held in memory
        options.put("localWorkDirectory", sftp.workDirectory().toAbsolutePath().toString());
        // raw: a '+' in a pattern would otherwise reach the endpoint as a space
        options.put("include", "RAW(" + sftp.include() + ")");
        options.put("exclude", "RAW((?i).*\\.(tmp|part|partial|filepart|crdownload|swp|lock)$)");
        // a file still being uploaded under its final name is taken only once it has stopped changing
        options.put("readLock", "changed");
        options.put("readLockMinAge", sftp.stableFor().toMillis());
        options.put("readLockMinLength", 0);
        options.put("readLockCheckInterval", Math.min(1000, Math.max(100, sftp.stableFor().toMillis() / 2)));
        options.put("readLockTimeout", sftp.stableFor().toMillis() * 3 + 20_000);
        options.put("filter", "#sftpNames");
        options.put("pollStrategy", "#sftpPollFailures");
        options.put("exceptionHandler", "#sftpPollFailures");
        // each remote file once, also across restarts: remembered in the ledger's database once its run
        // has ended, so a file whose run was cut short by a crash is imported again
        options.put("idempotent", true);
        options.put("idempotentEager", false);
        options.put("idempotentRepository", "#sftpImports");
        options.put("idempotentKey", "${file:name}|${file:size}|${file:modified}");
        if (sftp.afterImport() == SftpProperties.AfterImport.DELETE) {
            options.put("delete", true);
        } else {
            options.put("move", "${exchangeProperty.archivePath}");
        }
        options.put("moveFailed", "${exchangeProperty.failedPath}");
        if (sftp.cron() != null && !sftp.cron().isBlank()) {
            options.put("scheduler", "quartz");
            options.put("schedulerProperties", Map.of("cron", sftp.cron()));
        } else {
            options.put("delay", sftp.pollDelay().toMillis());
        }
        // after a failed poll (server away, login refused), the next 10 polls are skipped
        options.put("backoffErrorThreshold", 1);
        options.put("backoffMultiplier", 10);
        try {
            return camel.getCamelContextExtension().getEndpointUriFactory("sftp").buildUri("sftp", options, false);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The sftp.* settings do not make an SFTP address: " + e.getMessage(), e);
        }
    }
}
