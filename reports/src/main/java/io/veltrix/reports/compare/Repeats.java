package io.veltrix.reports.compare;

import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.StrategyResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bench run several times over ({@code veltrix bench --repeat N}): each strategy's figures in each repeat, kept
 * in {@value #FILE} beside {@code results.json} (schema {@value #SCHEMA}). The same seed gives the same schedule
 * every time, so the spread between repeats is the noise of the machine and the JVM, which is what {@code compare}
 * needs to tell a change from chance.
 *
 * @param schema always {@value #SCHEMA}
 * @param repeats how many times the whole strategy set was run
 * @param strategies each strategy's figures, one per repeat in run order, by strategy name
 */
public record Repeats(String schema, int repeats, Map<String, List<RepeatFigures>> strategies) {
    /** The schema identifier this version writes. */
    public static final String SCHEMA = "veltrix-repeats/1";

    /** The file's name, beside results.json. */
    public static final String FILE = "repeats.json";

    public Repeats {
        Objects.requireNonNull(strategies, "strategies");
        Map<String, List<RepeatFigures>> copy = new LinkedHashMap<>();
        strategies.forEach((name, figures) -> {
            if (figures == null || figures.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("strategy " + name + " has a missing repeat");
            }
            copy.put(name, List.copyOf(figures));
        });
        strategies = Collections.unmodifiableMap(copy);
    }

    /** The repeats of a bench, in run order. A strategy missing from a repeat (stopped early) is left out of it. */
    public static Repeats of(List<BenchResults> runs) {
        Map<String, List<RepeatFigures>> strategies = new LinkedHashMap<>();
        for (BenchResults run : runs) {
            for (StrategyResult s : run.strategies()) {
                if (s.complete()) {
                    strategies.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(RepeatFigures.of(s));
                }
            }
        }
        return new Repeats(SCHEMA, runs.size(), strategies);
    }

    /** The figures of {@code strategy}, or an empty list. */
    public List<RepeatFigures> of(String strategy) {
        return strategies.getOrDefault(strategy, List.of());
    }
}
