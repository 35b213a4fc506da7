package io.apolloroutes.sftp;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.spi.EndpointStrategy;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Hands the SFTP password and key passphrase to the SFTP endpoint once it exists, rather than through
 * its address: Camel logs addresses and the properties they are built from (at debug level, where
 * masking does not reach), and a secret must never appear in a log.
 */
@Component
public class SftpSecrets implements CamelContextConfiguration {

    private final SftpProperties sftp;

    public SftpSecrets(SftpProperties sftp) {
        this.sftp = sftp;
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        if (sftp.enabled()) {
            camel.getCamelContextExtension().registerEndpointCallback(new EndpointStrategy() {
                @Override
                public Endpoint registerEndpoint(String uri, Endpoint endpoint) {
                    if (endpoint instanceof SftpEndpoint sftpEndpoint) {
                        hand(sftpEndpoint);
                    }
                    return endpoint;
                }
            });
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // nothing: the secrets are in place before the first poll
    }

    private void hand(SftpEndpoint endpoint) {
        if (sftp.privateKeyFile() != null) {
            endpoint.getConfiguration().setPrivateKeyPassphrase(sftp.hasPassphrase() ? sftp.privateKeyPassphrase() : null);
        } else {
            endpoint.getConfiguration().setPassword(sftp.hasPassword() ? sftp.password() : null);
        }
    }
}
