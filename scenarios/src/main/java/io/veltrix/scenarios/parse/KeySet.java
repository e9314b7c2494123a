package io.veltrix.scenarios.parse;

import java.util.List;

/**
 * The keys a mapping of the scenario format may have.
 *
 * @param name what the mapping is, for documentation
 * @param schemaPointer the JSON pointer of the object in {@code scenario.schema.json} that describes the same
 *     mapping; a test keeps the schema's property names and these keys identical
 * @param keys the allowed keys, in the order the docs list them
 */
record KeySet(String name, String schemaPointer, List<String> keys) {
    KeySet(String name, String schemaPointer, String... keys) {
        this(name, schemaPointer, List.of(keys));
    }

    boolean allows(String key) {
        return keys.contains(key);
    }
}
