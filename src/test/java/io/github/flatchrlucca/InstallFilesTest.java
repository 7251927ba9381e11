package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallFilesTest {

    @TempDir
    Path workDir;

    @Test
    void fromAnEmptyFolderTheJarsOwnSettingsAndRoutes() {
        InstallFiles files = InstallFiles.find(Map.<String, String>of()::get, workDir);

        assertThat(files.properties()).isEqualTo("classpath:application.properties");
        assertThat(files.routesIncludePattern()).isEqualTo("classpath:routes/error-handling.camel.yaml,"
                + "classpath:routes/webhook.camel.yaml");
        assertThat(files.laterRoutes()).containsExactly("classpath:routes/admin.camel.yaml",
                "classpath:routes/delivery.camel.yaml", "classpath:routes/flatchr.camel.yaml",
                "classpath:routes/lucca.camel.yaml",
                "classpath:routes/operations.camel.yaml", "classpath:routes/status-page.camel.yaml");
        assertThat(files.describe()).isEqualTo("settings from classpath:application.properties, routes from "
                + "classpath:routes/ (the jar's own)");
    }

    @Test
    void theJarsRoutesAreNamedOneByOneEveryFileOfTheRoutesFolder() throws Exception {
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            assertThat(InstallFiles.JAR_ROUTES).containsExactlyInAnyOrderElementsOf(routes
                    .map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".camel.yaml"))
                    .map(name -> name.substring(0, name.length() - ".camel.yaml".length())).toList());
        }
        InstallFiles files = InstallFiles.find(Map.<String, String>of()::get, workDir);
        for (String name : InstallFiles.JAR_ROUTES) {
            assertThat(getClass().getClassLoader().getResource("routes/" + name + ".camel.yaml"))
                    .as(name + " is in the jar's classpath").isNotNull();
        }
        assertThat(InstallFiles.JAR_ROUTES).containsAll(InstallFiles.FIRST_ROUTES);
        assertThat(Stream.concat(files.firstRoutes().stream(), files.laterRoutes().stream()))
                .containsExactlyInAnyOrderElementsOf(InstallFiles.JAR_ROUTES.stream()
                        .map(name -> "classpath:routes/" + name + ".camel.yaml").toList());
    }

    @Test
    void theFilesOfTheWorkingDirectoryReplaceTheJars() throws Exception {
        Files.writeString(workDir.resolve("application.properties"), "");
        Path routes = Files.createDirectory(workDir.resolve("routes"));
        for (String file : List.of("webhook.camel.yaml", "error-handling.camel.yaml", "admin.camel.yaml",
                "our-own.camel.yaml", "notes.txt")) {
            Files.writeString(routes.resolve(file), "");
        }

        InstallFiles files = InstallFiles.find(Map.<String, String>of()::get, workDir);

        assertThat(files.properties()).isEqualTo("file:" + workDir.resolve("application.properties"));
        assertThat(files.routesIncludePattern()).isEqualTo("file:" + routes + "/error-handling.camel.yaml,"
                + "file:" + routes + "/webhook.camel.yaml");
        assertThat(files.laterRoutes()).as("every other route file, an operator's own too")
                .containsExactly("file:" + routes + "/admin.camel.yaml", "file:" + routes + "/our-own.camel.yaml");
        assertThat(files.describe()).endsWith("routes from file:" + routes + "/*.camel.yaml");
    }

    @Test
    void configFileAndRoutesDirWinRelativeToTheWorkingDirectory() throws Exception {
        Files.writeString(workDir.resolve("application.properties"), "");
        Files.createDirectory(workDir.resolve("routes"));
        Path etc = Files.createDirectories(workDir.resolve("etc/flatchr-lucca/routes"));
        Files.writeString(etc.resolveSibling("connector.properties"), "");

        InstallFiles files = InstallFiles.find(Map.of("CONFIG_FILE", " etc/flatchr-lucca/connector.properties ",
                "ROUTES_DIR", etc.toString())::get, workDir);

        assertThat(files.properties()).isEqualTo("file:" + etc.resolveSibling("connector.properties"));
        assertThat(files.routesDir()).isEqualTo("file:" + etc);
    }

    @Test
    void aConfigFileOrRoutesDirThatIsNotThereStopsTheStartNamingIt() throws Exception {
        Files.writeString(workDir.resolve("not-a-folder"), "");

        assertThatExceptionOfType(InvalidSetting.class)
                .isThrownBy(() -> InstallFiles.find(Map.of("CONFIG_FILE", "missing.properties")::get, workDir))
                .withMessage("Invalid setting CONFIG_FILE: " + workDir.resolve("missing.properties") + " is not a file");
        assertThatExceptionOfType(InvalidSetting.class)
                .isThrownBy(() -> InstallFiles.find(Map.of("ROUTES_DIR", "not-a-folder")::get, workDir))
                .withMessageStartingWith("Invalid setting ROUTES_DIR:").withMessageEndingWith("is not a folder");
    }
}
