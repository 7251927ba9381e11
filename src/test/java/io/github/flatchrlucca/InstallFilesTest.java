package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallFilesTest {

    @TempDir
    Path workDir;

    @Test
    void fromAnEmptyFolderTheJarsOwnSettingsAndRoutes() {
        InstallFiles files = InstallFiles.find(Map.<String, String>of()::get, workDir);

        assertThat(files).isEqualTo(new InstallFiles("classpath:application.properties",
                "classpath:routes/*.camel.yaml"));
        assertThat(files.describe()).isEqualTo("settings from classpath:application.properties, routes from "
                + "classpath:routes/*.camel.yaml");
    }

    @Test
    void theFilesOfTheWorkingDirectoryReplaceTheJars() throws Exception {
        Files.writeString(workDir.resolve("application.properties"), "");
        Files.createDirectory(workDir.resolve("routes"));

        InstallFiles files = InstallFiles.find(Map.<String, String>of()::get, workDir);

        assertThat(files.properties()).isEqualTo("file:" + workDir.resolve("application.properties"));
        assertThat(files.routes()).isEqualTo("file:" + workDir.resolve("routes") + "/*.camel.yaml");
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
        assertThat(files.routes()).isEqualTo("file:" + etc + "/*.camel.yaml");
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
