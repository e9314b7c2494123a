package io.veltrix.scenarios.run;

import io.veltrix.engine.EngineConfig;
import java.util.List;
import java.util.Objects;

/**
 * A strategy as the engine will run it.
 *
 * @param config the engine configuration
 * @param notes where the engine could not do exactly what the scenario asked, what it does instead
 */
public record MappedStrategy(EngineConfig config, List<String> notes) {
    public MappedStrategy {
        Objects.requireNonNull(config, "config");
        notes = List.copyOf(notes);
    }
}
