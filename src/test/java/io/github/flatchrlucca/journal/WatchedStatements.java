package io.github.flatchrlucca.journal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** A journal's connections that show each statement as it is prepared, before it runs: to list them, or to step in. */
final class WatchedStatements {

    private WatchedStatements() {
    }

    static DataSource of(DataSource journal, Consumer<String> prepared) {
        ClassLoader loader = WatchedStatements.class.getClassLoader();
        return (DataSource) Proxy.newProxyInstance(loader, new Class<?>[] {DataSource.class}, (source, call, arguments) -> {
            Object result = invoke(call, journal, arguments);
            if (!(result instanceof Connection connection)) {
                return result;
            }
            return Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class}, (proxy, method, values) -> {
                if (method.getName().equals("prepareStatement")) {
                    prepared.accept((String) values[0]);
                }
                return invoke(method, connection, values);
            });
        });
    }

    private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
