package io.apolloroutes.sftp;

import io.apolloroutes.ingest.InputFile;
import io.apolloroutes.ingest.RunProperties;
import io.apolloroutes.ingest.SourceProfile;
import io.apolloroutes.ingest.SourceProfiles;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.FileConstants;
import org.apache.camel.component.file.remote.FtpConstants;
import org.springframework.stereotype.Component;

/**
 * The consume stage of the SFTP import: names the run of a downloaded file and decides where the
 * remote original goes afterwards. Originals keep the run's name there ({@code <timestamp>_<name>}),
 * so a file uploaded again under the same name never replaces an earlier one.
 */
@Component("sftpIntake")
public class SftpIntake {

    private final SftpProperties sftp;
    private final SourceProfile source;

    public SftpIntake(SftpProperties sftp, SourceProfiles profiles) {
        this.sftp = sftp;
        this.source = sftp.enabled() ? profiles.profile("sftp", sftp.mapping()) : null;
    }

    public void receive(Exchange exchange) {
        String name = exchange.getMessage().getHeader(FileConstants.FILE_NAME_ONLY, String.class);
        Path download = Path.of(exchange.getMessage().getHeader(FtpConstants.FILE_LOCAL_WORK_PATH, String.class));
        InputFile file = InputFile.arrived(name, download, source);

        exchange.setProperty(RunProperties.INPUT_FILE, file);
        exchange.setProperty(RunProperties.DOWNLOADED, true);
        exchange.setProperty(RunProperties.ARCHIVE_PATH, sftp.doneFolder() + "/" + file.runId());
        exchange.setProperty(RunProperties.FAILED_PATH, sftp.failedFolder() + "/" + file.runId());
    }
}
