package io.apolloroutes.sftp;

import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The remote files the SFTP import has finished, by name, size and modification time, in the ledger's
 * database: a file left on the server (deleting or moving it failed, or it is read-only) is not
 * imported again, also after a restart, while a changed upload under the same name is.
 */
@Configuration
public class SftpImportsConfiguration {

    @Bean
    public JdbcMessageIdRepository sftpImports(DataSource dataSource) {
        JdbcMessageIdRepository imports = new JdbcMessageIdRepository(dataSource, "sftp-import");
        // the table comes from the ledger's migrations (db/migration)
        imports.setCreateTableIfNotExists(false);
        return imports;
    }
}
