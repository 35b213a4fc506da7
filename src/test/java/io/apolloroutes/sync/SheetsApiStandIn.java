package io.apolloroutes.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for Google: the OAuth token endpoint a service account signs in at, and the Sheets
 * v4 calls the sync makes (the sheet's size, then its values by A1 range), over one table of cells.
 */
final class SheetsApiStandIn implements ResponseDefinitionTransformerV2, AutoCloseable {

    static final String SPREADSHEET = "1xQ4PlanAbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    static final String TOKEN = "ya29.stand-in-token";
    private static final Pattern RANGE = Pattern.compile("'(.+)'!([A-Z]+)(\\d+):([A-Z]+)(\\d+)");

    private final String sheet;
    private final List<List<String>> rows;
    private final WireMockServer server;

    /** Serves {@code rows} (row 1 first) as the sheet named {@code sheet}. */
    SheetsApiStandIn(String sheet, List<List<String>> rows) {
        this.sheet = sheet;
        this.rows = rows;
        server = new WireMockServer(options().dynamicPort().extensions(this));
        server.start();
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")));
        server.stubFor(get(urlPathEqualTo("/v4/spreadsheets/" + SPREADSHEET)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"sheets\":[{\"properties\":{\"title\":\"" + sheet
                        + "\",\"gridProperties\":{\"rowCount\":" + (rows.size() + 20) + "}}}]}")));
        server.stubFor(get(urlPathMatching("/v4/spreadsheets/" + SPREADSHEET + "/values/.+"))
                .willReturn(aResponse().withTransformers(getName())));
    }

    WireMockServer server() {
        return server;
    }

    String rootUrl() {
        return server.baseUrl() + "/";
    }

    /** A service account's JSON key, as Google's console hands it out, signing in at this stand-in. */
    Path serviceAccountKey(Path folder) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            ObjectNode key = TestInputs.MAPPER.createObjectNode().put("type", "service_account")
                    .put("project_id", "apollo-routes-test").put("private_key_id", "k1").put("private_key", pem)
                    .put("client_email", "apollo-sync@apollo-routes-test.iam.gserviceaccount.com")
                    .put("client_id", "1234567890").put("token_uri", server.baseUrl() + "/token");
            return Files.writeString(folder.resolve("service-account.json"), key.toString());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String path = event.getRequest().getUrl().split("\\?")[0];
        String range = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
        Matcher a1 = RANGE.matcher(range);
        if (!a1.matches() || !a1.group(1).equals(sheet)) {
            return ResponseDefinition.badRequest(null);
        }
        int first = Integer.parseInt(a1.group(3));
        int last = Math.min(Integer.parseInt(a1.group(5)), rows.size());
        ObjectNode answer = TestInputs.MAPPER.createObjectNode().put("range", range).put("majorDimension", "ROWS");
        ArrayNode values = answer.putArray("values");
        // like the API: trailing empty rows and trailing empty cells are left out
        int lastFilled = last;
        while (lastFilled >= first && rows.get(lastFilled - 1).stream().allMatch(String::isEmpty)) {
            lastFilled--;
        }
        for (int row = first; row <= lastFilled; row++) {
            List<String> cells = rows.get(row - 1);
            int width = cells.size();
            while (width > 0 && cells.get(width - 1).isEmpty()) {
                width--;
            }
            ArrayNode out = values.addArray();
            cells.subList(0, width).forEach(out::add);
        }
        return new ResponseDefinitionBuilder().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(answer.toString()).build();
    }

    @Override
    public String getName() {
        return "sheets-api-stand-in";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public void close() {
        server.stop();
    }
}
