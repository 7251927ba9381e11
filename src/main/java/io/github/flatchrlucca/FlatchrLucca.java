package io.github.flatchrlucca;

import org.apache.camel.main.Main;

/** Starts the connector: Camel Main with the YAML routes and application.properties of the working directory. */
public final class FlatchrLucca {

    public static void main(String[] args) throws Exception {
        Main main = new Main(FlatchrLucca.class);
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        main.run(args);
    }
}
