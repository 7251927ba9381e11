package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * application.properties and docs/settings.md say what {@link Settings#ALL} declares, and nothing else. After a
 * change of the declarations, write both files from them with
 * {@code mvn -q test -Dtest=SettingsFilesTest -Dsettings.write=true}, then review the diff.
 */
class SettingsFilesTest {

    private static final Path PROPERTIES = Path.of("application.properties");
    private static final Path DOCUMENTATION = Path.of("docs/settings.md");
    private static final boolean WRITE = Boolean.getBoolean("settings.write");

    @Test
    void applicationPropertiesGivesEveryDeclaredSettingItsVariableDefaultAndDescriptionAndNoOther() throws IOException {
        String current = Files.readString(PROPERTIES, StandardCharsets.ISO_8859_1);
        List<String> problems = new ArrayList<>();

        String declared = SettingsFiles.properties(current, problems);

        assertThat(problems).as("settings of application.properties that Settings.ALL does not declare as they are")
                .isEmpty();
        write(PROPERTIES, declared, StandardCharsets.ISO_8859_1);
        assertThat(current).as("application.properties as Settings.ALL declares it").isEqualTo(declared);
    }

    @Test
    void theSettingsTablesAreTheDeclarations() throws IOException {
        String current = Files.readString(DOCUMENTATION);

        String declared = SettingsFiles.documentation(current);

        write(DOCUMENTATION, declared, StandardCharsets.UTF_8);
        assertThat(current).as("docs/settings.md as Settings.ALL declares it").isEqualTo(declared);
    }

    @Test
    void everyTenantsFileKeyDeclaredIsOneDocsTenantsDescribes() throws IOException {
        String tenants = Files.readString(Path.of("docs/tenants.md"));

        Settings.ALL.forEach(setting -> setting.tenantKey().ifPresent(key ->
                assertThat(tenants).as(setting.env() + "'s key in the tenants file").contains("| `" + key + "` |")));
    }

    @Test
    void anUndeclaredOrMissingSettingIsNamed() {
        List<String> problems = new ArrayList<>();

        SettingsFiles.properties("""
                camel.main.name = flatchr-lucca
                camel.server.port = {{env:SERVER_PORT:8080}}
                lucca.typo = {{env:LUCCA_TYPO:}}
                camel.sneaky = {{env:SNEAKY:}}
                """, problems);

        assertThat(problems).contains("lucca.typo is not declared in Settings.ALL",
                "camel.sneaky is not declared in Settings.ALL", "lucca.api-key is missing")
                .noneMatch(problem -> problem.startsWith("camel.main.name") || problem.startsWith("camel.server.port"));
    }

    @Test
    void aSettingsCommentAndLineAreRewrittenAndTheLinesAroundKept() {
        String written = """
                # ----
                # Camel Main
                # ----
                camel.main.name = flatchr-lucca
                # an old comment
                # on two lines
                camel.server.port = {{env:SERVER_PORT:9999}}
                """;

        String declared = SettingsFiles.properties(written, new ArrayList<>());

        assertThat(declared).startsWith("# ----\n# Camel Main\n# ----\ncamel.main.name = flatchr-lucca\n")
                .contains("# HTTP port of the webhook (and of the admin API and status page). Accepted values: a port "
                        + "number, 1 to 65535.\ncamel.server.port = {{env:SERVER_PORT:8080}}\n")
                .doesNotContain("old comment", "9999");
    }

    private static void write(Path file, String text, Charset charset) throws IOException {
        if (WRITE) {
            Files.writeString(file, text, charset);
        }
    }
}
