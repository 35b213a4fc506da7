package io.apolloroutes.sftp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server (Apache MINA SSHD) for tests: its own host key, public-key login for one
 * client key, files served from a folder on disk. Keys are made fresh for each server, so none is
 * committed anywhere.
 */
final class SftpTestServer implements AutoCloseable {

    static final String USER = "partner-drop";

    private final Path root;
    private final KeyPair hostKey = ecKey();
    private final int port;
    private PublicKey authorized;
    private String password;
    private SshServer server;

    private SftpTestServer(Path root, int port) {
        this.root = root;
        this.port = port;
    }

    /** A server not started yet, on a port of its own, that lets {@code client} log in. */
    static SftpTestServer on(Path root, KeyPair client) {
        SftpTestServer server = new SftpTestServer(root, freePort());
        server.authorized = client.getPublic();
        return server;
    }

    SftpTestServer start() {
        try {
            Files.createDirectories(root);
            server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(port);
            server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
            server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user) && key.equals(authorized));
            server.setPasswordAuthenticator(password == null ? null
                    : (user, given, session) -> USER.equals(user) && password.equals(given));
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            server.setFileSystemFactory(new VirtualFileSystemFactory(root));
            server.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets the client log in with this password too. */
    SftpTestServer acceptingPassword(String accepted) {
        this.password = accepted;
        return this;
    }

    int port() {
        return port;
    }

    Path root() {
        return root;
    }

    /** The known_hosts line a client needs to trust this server. */
    String knownHostsLine() {
        return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    /** A known_hosts line naming this server with a key that is not its own (another server's). */
    String impostorKnownHostsLine() {
        return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(ecKey().getPublic());
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.stop(true);
        }
    }

    static KeyPair ecKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a private key the way ssh-keygen does (OpenSSH format, no passphrase). */
    static Path writePrivateKey(KeyPair key, Path file) {
        return writePrivateKey(key, file, null);
    }

    /** Writes a private key the way ssh-keygen does, encrypted (AES-256-CTR, bcrypt) with a passphrase. */
    static Path writePrivateKey(KeyPair key, Path file, String passphrase) {
        OpenSSHKeyEncryptionContext encryption = null;
        if (passphrase != null) {
            encryption = new OpenSSHKeyEncryptionContext();
            encryption.setCipherName("AES");
            encryption.setCipherType("256");
            encryption.setCipherMode("CTR");
            encryption.setPassword(passphrase);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "apollo-import@test", encryption, out);
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
