package io.github.flatchrlucca.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlatchrFlagsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void setAsABooleanOneOrTheirTextInAnyCase() throws Exception {
        for (String flag : List.of("true", "1", "\"true\"", "\"1\"", "\" True \"")) {
            assertThat(FlatchrFlags.read(JSON.readTree(flag))).as(flag).contains(true);
        }
    }

    @Test
    void notSetAsABooleanZeroOrTheirText() throws Exception {
        for (String flag : List.of("false", "0", "\"false\"", "\"0\"", "\"FALSE\"")) {
            assertThat(FlatchrFlags.read(JSON.readTree(flag))).as(flag).contains(false);
        }
    }

    @Test
    void anythingElseIsNoAnswer() throws Exception {
        for (String flag : List.of("null", "\"\"", "\"yes\"", "2", "1.0", "\"01\"", "[true]", "{\"hired\": true}")) {
            assertThat(FlatchrFlags.read(JSON.readTree(flag))).as(flag).isEmpty();
        }
        assertThat(FlatchrFlags.read(JSON.missingNode())).as("missing").isEmpty();
    }
}
