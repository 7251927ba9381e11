package io.github.flatchrlucca.fake;

import java.util.LinkedHashMap;
import java.util.Map;

/** A top-level department of the v4 organization structure. */
record Department(int id, String name, boolean active) {

    /** Built by hand: Jackson would name the record's boolean "active", Lucca names it "isActive". */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        json.put("code", "D" + id);
        json.put("parentId", null);
        json.put("hierarchy", "/" + id + "/");
        json.put("isActive", active);
        return json;
    }
}
