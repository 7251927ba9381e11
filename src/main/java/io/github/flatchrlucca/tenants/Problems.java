package io.github.flatchrlucca.tenants;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with one reading of the tenants file, in the order it was found. Reading goes on past a wrong
 * key so that one refusal names them all: a file with four secrets unset takes one fix, not four starts.
 */
final class Problems implements SettingProblems {

    private final Path file;
    private final List<String> found = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    /** The file writes a key as it is named: "lucca.apiKey". */
    @Override
    public String nameOf(String keys) {
        return keys;
    }

    @Override
    public void report(String where, String keys, String problem) {
        add(where.isEmpty() || keys.isEmpty() ? where + keys : where + ": " + keys, problem);
    }

    /**
     * @param location where to fix it, e.g. "tenants[1] (acme): lucca.apiKey"; empty for the file as a whole
     */
    void add(String location, String problem) {
        found.add(location.isEmpty() ? problem : location + ": " + problem);
    }

    @Override
    public int count() {
        return found.size();
    }

    /** Refuses the file when anything was found. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidTenantsFile(file, found);
        }
    }

    /** A problem after which nothing more of the file can be read: refused with it and those found before. */
    InvalidTenantsFile fatal(String location, String problem) {
        add(location, problem);
        return new InvalidTenantsFile(file, found);
    }
}
