package io.github.flatchrlucca.fake.flatchr;

import java.util.Objects;

/**
 * A column of the company's pipeline.
 *
 * @param id    encoded id
 * @param hired a candidate in this column is hired
 */
public record Column(String id, String title, int position, boolean hired) {

    public Column {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }
}
