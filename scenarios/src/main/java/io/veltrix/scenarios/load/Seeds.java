package io.veltrix.scenarios.load;

/**
 * Derives independent stream seeds from a scenario seed, one per purpose, per event type name and per index, so
 * that the draws of one purpose never depend on how many draws another made.
 */
final class Seeds {
    /** Arrival times (inter-arrival draws of Poisson segments). */
    static final long ARRIVALS = 1;
    /** Which event type each arrival is. */
    static final long TYPE_CHOICE = 2;
    /** Service times, one stream per event type. */
    static final long SERVICE = 3;
    /** Injected failures, one salt per event type. */
    static final long FAILURE = 4;
    /** Think times of closed-loop submitters. */
    static final long THINK = 5;
    /** Backoff jitter for retries. */
    static final long JITTER = 6;

    private Seeds() {}

    /** The seed of the stream for {@code purpose}, {@code name} (may be empty) and {@code index}. */
    static long stream(long seed, long purpose, String name, long index) {
        long h = mix64(seed ^ mix64(purpose * 0x632be59bd9b4e019L));
        h = mix64(h ^ hash(name));
        return mix64(h + index * 0x9e3779b97f4a7c15L);
    }

    /** A uniform double in [0, 1) from the counter-based hash of {@code salt}, {@code a} and {@code b}. */
    static double unit(long salt, long a, long b) {
        long h = mix64(mix64(salt ^ mix64(a)) + b * 0x9e3779b97f4a7c15L);
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Stafford's variant 13 finaliser: a bijection on longs that spreads every input bit over the output. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over the characters: stable across JVMs, unlike {@link String#hashCode} it is 64 bits wide. */
    static long hash(String name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h ^= name.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
