package io.apolloroutes.sftp;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The SFTP import ({@code sftp.*}): off until {@code sftp.host} is set.
 *
 * @param host                  the server; empty leaves the import off
 * @param port                  its SSH port
 * @param username              the account to log in as
 * @param password              the account's password, when it has no key
 * @param privateKeyFile        the client's private key (OpenSSH or PEM), preferred over a password
 * @param privateKeyPassphrase  the key's passphrase, if it has one
 * @param knownHostsFile        the server's host key, in OpenSSH {@code known_hosts} format
 * @param strictHostKeyChecking refuse a server whose host key is not in {@code knownHostsFile}; turn
 *                              off only to try things out against a test server
 * @param directory             the remote folder to import from, relative to the login folder
 * @param include               a regular expression the remote file names must match
 * @param stableFor             a file is taken only once its size and time have not changed for this long
 * @param afterImport           what happens to a remote file once imported
 * @param doneFolder            where imported files go when {@code afterImport} is {@code move}
 * @param failedFolder          where files go whose whole run failed or that could not be read
 * @param pollDelay             how often the folder is listed, when no cron is set
 * @param cron                  a Quartz cron for listing instead, e.g. {@code 0 0/15 7-19 ? * MON-FRI}
 * @param workDirectory         downloads are written here and read from disk, never held in memory
 * @param connectTimeout        how long to wait for the server to answer
 * @param mapping               a mapping file for this source's files, or none
 */
@Validated
@ConfigurationProperties("sftp")
public record SftpProperties(String host,
                             @Min(1) @Max(65535) @DefaultValue("22") int port,
                             String username,
                             String password,
                             Path privateKeyFile,
                             String privateKeyPassphrase,
                             Path knownHostsFile,
                             @DefaultValue("true") boolean strictHostKeyChecking,
                             @NotNull @DefaultValue("") String directory,
                             @NotBlank @DefaultValue("(?i).*\\.(csv|tsv|tab|txt|json|jsonl|ndjson|xlsx|xlsm|xls|ods|numbers|xlsb)") String include,
                             @NotNull @DefaultValue("10s") Duration stableFor,
                             @NotNull @DefaultValue("move") AfterImport afterImport,
                             @NotBlank @DefaultValue(".done") String doneFolder,
                             @NotBlank @DefaultValue(".failed") String failedFolder,
                             @NotNull @DefaultValue("1m") Duration pollDelay,
                             String cron,
                             @NotNull @DefaultValue("./data/sftp-work") Path workDirectory,
                             @NotNull @DefaultValue("30s") Duration connectTimeout,
                             Path mapping) {

    /** What happens to a remote file once it has been imported. */
    public enum AfterImport {
        /** Moved into {@code doneFolder}, named after the import time. */
        MOVE,
        /** Deleted from the server. */
        DELETE
    }

    /** Whether the import runs at all. */
    public boolean enabled() {
        return host != null && !host.isBlank();
    }

    @AssertTrue(message = "sftp.username is required once sftp.host is set")
    public boolean isUsernameGiven() {
        return !enabled() || username != null && !username.isBlank();
    }

    @AssertTrue(message = "the SFTP import needs sftp.private-key-file (preferred) or sftp.password")
    public boolean isCredentialGiven() {
        return !enabled() || privateKeyFile != null || hasPassword();
    }

    @AssertTrue(message = "sftp.private-key-file does not exist or cannot be read")
    public boolean isPrivateKeyReadable() {
        return !enabled() || privateKeyFile == null || Files.isReadable(privateKeyFile);
    }

    @AssertTrue(message = "sftp.known-hosts-file must name a readable known_hosts file holding the server's host key"
            + " (or, for a test server only, set sftp.strict-host-key-checking=false)")
    public boolean isHostKeyCheckable() {
        return !enabled() || !strictHostKeyChecking || knownHostsFile != null && Files.isReadable(knownHostsFile);
    }

    @AssertTrue(message = "sftp.done-folder and sftp.failed-folder must be plain folder names inside sftp.directory")
    public boolean isFoldersPlain() {
        return plainName(doneFolder) && plainName(failedFolder);
    }

    public boolean hasPassword() {
        return password != null && !password.isEmpty();
    }

    public boolean hasPassphrase() {
        return privateKeyPassphrase != null && !privateKeyPassphrase.isEmpty();
    }

    /** Never shows the password or the key's passphrase: settings end up in logs and failure reports. */
    @Override
    public String toString() {
        return "SftpProperties[host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (hasPassword() ? "(set)" : "(not set)")
                + ", privateKeyFile=" + privateKeyFile
                + ", privateKeyPassphrase=" + (hasPassphrase() ? "(set)" : "(not set)")
                + ", knownHostsFile=" + knownHostsFile + ", strictHostKeyChecking=" + strictHostKeyChecking
                + ", directory=" + directory + ", include=" + include + ", stableFor=" + stableFor
                + ", afterImport=" + afterImport
                + ", doneFolder=" + doneFolder + ", failedFolder=" + failedFolder + ", pollDelay=" + pollDelay
                + ", cron=" + cron + ", workDirectory=" + workDirectory + ", connectTimeout=" + connectTimeout
                + ", mapping=" + mapping + "]";
    }

    private static boolean plainName(String folder) {
        return folder == null || RemoteNames.isPlain(folder);
    }
}
