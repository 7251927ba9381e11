package io.github.flatchrlucca;

import ch.qos.logback.classic.LoggerContext;
import io.github.flatchrlucca.tenants.InvalidTenantsFile;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.camel.main.Main;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the connector: Camel Main with the YAML routes and application.properties that {@link InstallFiles} finds
 * (the operator's files, else the jar's own).
 */
public final class FlatchrLucca {

    /**
     * The exit code of a start refused by a wrong setting or tenants file: sysexits.h's EX_CONFIG, which a supervisor
     * need not restart (the systemd unit's RestartPreventExitStatus): the same start would fail the same way.
     */
    public static final int WRONG_SETTING = 78;
    /** Any other failed start (a PostgreSQL not reachable yet after a reboot, say): worth starting again. */
    static final int FAILED = 1;

    private FlatchrLucca() {
    }

    public static void main(String[] args) {
        // Checked before the first log line: logback reads LOG_FORMAT as it starts, and a value it has no
        // configuration for would leave the connector running and mute. The system property, which logback reads
        // before the environment, pins the checked value (a blank one is the default, text).
        String logFormat = Optional.ofNullable(System.getProperty("LOG_FORMAT", System.getenv("LOG_FORMAT")))
                .map(String::strip).filter(value -> !value.isEmpty()).orElse(Settings.LOG_FORMAT.defaultValue());
        try {
            Settings.LOG_FORMAT.read(logFormat);
        } catch (InvalidSetting refused) {
            System.err.println("The connector did not start. " + refused.getMessage());
            System.exit(WRONG_SETTING);
        }
        System.setProperty("LOG_FORMAT", logFormat);
        try {
            InstallFiles files = InstallFiles.find(System::getenv, Path.of("").toAbsolutePath());
            LoggerFactory.getLogger(FlatchrLucca.class).info("Starting with {}", files.describe());
            // The one configuration class is named rather than found: scanning the package for it walks the whole
            // jar and was the largest single cost of the start (about a second of what was then a three-second start).
            Main main = new Main();
            main.configure().addConfiguration(ConnectorConfiguration.class);
            main.setDefaultPropertyPlaceholderLocation(files.properties());
            main.addOverrideProperty("camel.main.routes-include-pattern", files.routesIncludePattern());
            main.addMainListener(new LaterRoutes(files.laterRoutes()));
            main.addMainListener(new SettingsAsChecked());
            main.run(args);
        } catch (Exception failure) {
            refuseToStart(failure);
        }
    }

    /**
     * A start refused by a wrong setting (or tenants file) says so in one line that names it, and the process ends
     * with {@link #WRONG_SETTING}, without running the shutdown hooks: Camel's would log "triggered by SIGTERM",
     * which nobody sent. Any other failure keeps its stack trace, for whoever must find out, and ends with
     * {@link #FAILED}.
     */
    static void refuseToStart(Exception failure) {
        Logger log = LoggerFactory.getLogger(FlatchrLucca.class);
        wrongSetting(failure).ifPresentOrElse(
                setting -> log.error("The connector did not start. {}", setting.getMessage()),
                () -> log.error("The connector did not start.", failure));
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
        Runtime.getRuntime().halt(exitCode(failure));
    }

    /** The exit code of a start that failed so. */
    static int exitCode(Exception failure) {
        return wrongSetting(failure).isPresent() ? WRONG_SETTING : FAILED;
    }

    /** The wrong setting or tenants file among the failure's causes, if one is why the start failed. */
    private static Optional<IllegalArgumentException> wrongSetting(Exception failure) {
        return Optional.<IllegalArgumentException>ofNullable(ObjectHelper.getException(InvalidSetting.class, failure))
                .or(() -> Optional.ofNullable(ObjectHelper.getException(InvalidTenantsFile.class, failure)));
    }
}
