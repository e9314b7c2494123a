package io.veltrix.reports.jfr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Counts and weighs keys (classes, sites, methods, threads) with a cap on distinct keys, so memory stays bounded
 * whatever the recording's size.
 *
 * <p>When a new key would exceed the cap, the lighter half of the keys is folded into an "other" total (lossy
 * counting). A key folded away and seen again starts from zero, so any weight shown may be low by at most
 * {@link #maxFoldedWeight()}; keys heavier than that are never folded, so the top of the table is right as long as
 * it stands clear of that bound. Totals stay exact.
 *
 * @param <K> the key type; equal keys must be equal objects
 */
final class TopCounter<K> {

    private static final class Cell {
        long count;
        long weight;
        /** Set when the cell was folded away: a {@link Handle} holding it must look its key up again. */
        boolean folded;
    }

    /**
     * A key that remembers its cell, so that adding through it skips the map lookup (hashing, and comparing a key
     * such as a long site name). Hold one per distinct key object, e.g. per stack trace object of a chunk. Valid
     * only with the counter that made it.
     */
    static final class Handle<K> {
        private final K key;
        private Cell cell;

        private Handle(K key) {
            this.key = key;
        }

        K key() {
            return key;
        }
    }

    private final int maxKeys;
    private final Map<K, Cell> cells = new HashMap<>();
    private long totalCount;
    private long totalWeight;
    private long foldedCount;
    private long foldedWeight;
    private long foldedKeys;
    private long maxFoldedWeight;

    TopCounter(int maxKeys) {
        if (maxKeys < 2) {
            throw new IllegalArgumentException("maxKeys must be at least 2, was " + maxKeys);
        }
        this.maxKeys = maxKeys;
    }

    /** Counts one occurrence of {@code key} with the given weight (bytes, nanoseconds, or 1). */
    void add(K key, long weight) {
        add(key, 1, weight);
    }

    /** Counts {@code count} occurrences of {@code key} weighing {@code weight} in all. */
    void add(K key, long count, long weight) {
        add(cellOf(key), count, weight);
    }

    /** A handle on {@code key} for {@link #add(Handle, long)}; nothing is counted until then. */
    Handle<K> handle(K key) {
        return new Handle<>(key);
    }

    /** Counts one occurrence of the handle's key with the given weight. */
    void add(Handle<K> handle, long weight) {
        Cell cell = handle.cell;
        if (cell == null || cell.folded) {
            cell = cellOf(handle.key);
            handle.cell = cell;
        }
        add(cell, 1, weight);
    }

    private Cell cellOf(K key) {
        Cell cell = cells.get(key);
        if (cell == null) {
            if (cells.size() >= maxKeys) {
                foldLighterHalf();
            }
            cell = new Cell();
            cells.put(key, cell);
        }
        return cell;
    }

    private void add(Cell cell, long count, long weight) {
        cell.count += count;
        cell.weight += weight;
        totalCount += count;
        totalWeight += weight;
    }

    /** Adds everything {@code other} counted, folded keys included. */
    void merge(TopCounter<K> other) {
        other.cells.forEach((key, cell) -> add(key, cell.count, cell.weight));
        mergeFolded(other);
    }

    /** Adds only what {@code other} folded away (its tracked keys are added by the caller). */
    void mergeFolded(TopCounter<?> other) {
        totalCount += other.foldedCount;
        totalWeight += other.foldedWeight;
        foldedCount += other.foldedCount;
        foldedWeight += other.foldedWeight;
        foldedKeys += other.foldedKeys;
        maxFoldedWeight = Math.max(maxFoldedWeight, other.maxFoldedWeight);
    }

    private void foldLighterHalf() {
        long[] weights = new long[cells.size()];
        int i = 0;
        for (Cell cell : cells.values()) {
            weights[i++] = cell.weight;
        }
        Arrays.sort(weights);
        long median = weights[weights.length / 2];
        Iterator<Cell> it = cells.values().iterator();
        while (it.hasNext()) {
            Cell cell = it.next();
            if (cell.weight <= median) {
                foldedCount += cell.count;
                foldedWeight += cell.weight;
                foldedKeys++;
                maxFoldedWeight = Math.max(maxFoldedWeight, cell.weight);
                cell.folded = true;
                it.remove();
            }
        }
    }

    /** The heaviest {@code n} keys, heaviest first; ties by count, then by the key's text, for stable output. */
    List<Ranked<K>> top(int n) {
        List<Ranked<K>> all = new ArrayList<>(cells.size());
        cells.forEach((key, cell) -> all.add(new Ranked<>(key, cell.count, cell.weight)));
        all.sort(Comparator.<Ranked<K>>comparingLong(Ranked::weight)
                .reversed()
                .thenComparing(
                        Comparator.<Ranked<K>>comparingLong(Ranked::count).reversed())
                .thenComparing(e -> String.valueOf(e.key())));
        return all.size() <= n ? all : List.copyOf(all.subList(0, n));
    }

    /** Every key still tracked, in no particular order. */
    Map<K, Long> weights() {
        Map<K, Long> out = new HashMap<>();
        cells.forEach((key, cell) -> out.put(key, cell.weight));
        return out;
    }

    long totalCount() {
        return totalCount;
    }

    long totalWeight() {
        return totalWeight;
    }

    /** Distinct keys currently tracked. */
    int trackedKeys() {
        return cells.size();
    }

    /** Keys folded into the "other" total (a key folded twice counts twice). */
    long foldedKeys() {
        return foldedKeys;
    }

    long foldedCount() {
        return foldedCount;
    }

    long foldedWeight() {
        return foldedWeight;
    }

    /** How low any shown weight may be because of folding: the heaviest weight ever folded. */
    long maxFoldedWeight() {
        return maxFoldedWeight;
    }
}
