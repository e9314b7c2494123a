package io.veltrix.reports.jfr;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers a value computed from an object, by the object's identity, up to a capacity.
 *
 * <p>The JDK's parser resolves stack traces, threads and classes once per chunk from the chunk's constant pools, and
 * every event referring to the same one gets the same object. Caching by identity therefore turns "decode 64
 * frames for every sample" into "decode each distinct stack once per chunk". When full, the cache is cleared
 * (objects of earlier chunks are never seen again), which bounds memory; correctness never depends on a hit.
 */
final class IdentityCache<K, V> {

    private final Map<K, V> values = new IdentityHashMap<>();
    private final int capacity;
    // The last key and value: consecutive events often share a thread, a class or a stack (the parser hands out
    // the same object), and this check is cheaper than the map's hashing.
    private K lastKey;
    private V lastValue;

    IdentityCache(int capacity) {
        this.capacity = capacity;
    }

    V get(K key, Function<K, V> compute) {
        if (key == lastKey && lastValue != null) {
            return lastValue;
        }
        V value = values.get(key);
        if (value == null) {
            if (values.size() >= capacity) {
                values.clear();
            }
            value = compute.apply(key);
            values.put(key, value);
        }
        lastKey = key;
        lastValue = value;
        return value;
    }
}
