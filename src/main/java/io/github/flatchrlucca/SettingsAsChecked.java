package io.github.flatchrlucca;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.ShutdownStrategy;

/**
 * Camel and the routes read the settings as the connector checked them. Camel Main binds the settings it reads
 * itself (the ports, the body limit) and the routes read theirs ({@code {{delivery.batch-size}}}) through Camel's
 * properties, where a blank variable stays blank: Camel's {@code {{env:NAME:default}}} takes the default only when
 * the variable is missing. For the connector a blank value is unset (its default, or for MANAGEMENT_PORT the
 * webhook's port): each setting left unset is given that value in Camel's properties, before Camel Main binds
 * anything, so that what is checked is what runs (not a random port, nor a null batch size in every delivery round).
 * Once Camel Main has bound its own, the shutdown timeout it took is compared with the one checked.
 */
final class SettingsAsChecked extends MainListenerSupport {

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        apply(main.getCamelContext().getPropertiesComponent(), System::getenv);
    }

    /**
     * Checks every setting, so that a wrong one, even one only Camel or the routes read, stops the start with the
     * line naming it rather than Camel's stack trace (as written first: Camel would give a value it cannot read
     * nothing); then gives each setting left unset the value it means.
     */
    static void apply(PropertiesComponent properties, Function<String, String> environment) {
        // Camel looks a key up in the environment before anything else by default (delivery.batch-size as
        // DELIVERY_BATCH_SIZE): a blank variable named like its key would hide the value given below. The environment
        // then answers only for a key nothing else gives; application.properties' {{env:NAME:default}} still reads
        // every variable the settings name.
        ((org.apache.camel.component.properties.PropertiesComponent) properties).setEnvironmentVariableMode(
                org.apache.camel.component.properties.PropertiesComponent.ENVIRONMENT_VARIABLES_MODE_FALLBACK);
        SettingsAsWritten.check(properties.loadProperties(), environment);
        SettingsReader in = new SettingsReader(properties::resolveProperty);
        in.checkAll();
        // Camel Main also reads a CAMEL_MAIN_* variable itself, over the properties, and stops the start on a blank
        // one with a stack trace: such a setting cannot be left blank for its default, as the others are.
        Settings.inProperties().stream().filter(setting -> setting.env().startsWith("CAMEL_MAIN_"))
                .filter(setting -> properties.resolveProperty(setting.key()).filter(String::isBlank).isPresent())
                .findFirst().ifPresent(setting -> {
                    throw setting.refusal("is blank, which Camel Main, reading " + setting.env() + " itself, refuses; "
                            + "unset it for its default, " + setting.defaultValue());
                });
        in.unsetMeanings().forEach(properties::addOverrideProperty);
    }

    @Override
    public void afterConfigure(BaseMainSupport main) {
        checkBound(main.getCamelContext());
    }

    /**
     * Camel Main reads the shutdown timeout from more than its documented variable (CAMEL_MAIN_SHUTDOWN_TIMEOUT too,
     * a {@code -Dcamel.main.shutdownTimeout}), unchecked: the one it bound must be the one checked, else such a
     * spelling runs without a word (1000: a stop of nearly 17 minutes; abc: Camel's own 45 s).
     */
    static void checkBound(CamelContext camel) {
        long checked = new SettingsReader(camel.getPropertiesComponent()::resolveProperty)
                .get(Settings.SHUTDOWN_TIMEOUT);
        ShutdownStrategy bound = camel.getShutdownStrategy();
        if (bound.getTimeUnit().toMillis(bound.getTimeout()) != TimeUnit.SECONDS.toMillis(checked)) {
            throw Settings.SHUTDOWN_TIMEOUT.refusal("Camel Main bound " + bound.getTimeout() + " "
                    + bound.getTimeUnit().name().toLowerCase(Locale.ROOT) + " from another spelling of it, unchecked, "
                    + "not the " + checked + " s checked; set " + Settings.SHUTDOWN_TIMEOUT.env() + " alone (not "
                    + "CAMEL_MAIN_SHUTDOWN_TIMEOUT, nor -Dcamel.main.shutdownTimeout)");
        }
    }
}
