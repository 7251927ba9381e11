package io.github.flatchrlucca.fake.flatchr;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A tag definition of the company.
 *
 * @param id        encoded id, the one a trait is written with
 * @param tagId     plain id
 * @param type      {@link #CANDIDATES} or {@link #VACANCIES}
 * @param creatable free values are allowed
 * @param values    the choices, {@code ;}-separated ({@code ""} when none)
 * @param multiple  an application may carry several values of it
 */
public record Tag(String id, int tagId, String title, String type, boolean creatable, String values, boolean multiple,
                  boolean visible) {

    public static final String CANDIDATES = "candidates";
    public static final String VACANCIES = "vacancies";

    public Tag {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (!CANDIDATES.equals(type) && !VACANCIES.equals(type)) {
            throw new IllegalArgumentException("a tag's type is candidates or vacancies, not " + type);
        }
        values = Objects.requireNonNullElse(values, "");
    }

    /** A candidate tag taking any text, one value per application: where a connector writes its outcome. */
    public static Tag freeText(String id, int tagId, String title) {
        return new Tag(id, tagId, title, CANDIDATES, true, "", false, true);
    }

    /** A candidate tag taking only one of its {@code ;}-separated {@code values}. */
    public static Tag choice(String id, int tagId, String title, String values, boolean multiple) {
        return new Tag(id, tagId, title, CANDIDATES, false, values, multiple, true);
    }

    /** A vacancy tag used as a folder ("Service IT"), as Flatchr's departments often are. */
    public static Tag folder(String id, int tagId, String title) {
        return new Tag(id, tagId, title, VACANCIES, false, "", false, false);
    }

    /**
     * The choices, each trimmed: Flatchr's own lists carry stray spaces ({@code "Allemand; Italien"}), and the
     * fake does not expect a client to reproduce them.
     */
    List<String> choices() {
        return Arrays.stream(values.split(";")).map(String::strip).filter(choice -> !choice.isEmpty()).toList();
    }
}
