package io.veltrix.reports.jfr;

/**
 * A map from {@code long} keys to non-negative {@code int} values (offsets), open addressing with linear probing:
 * the decoder's index from constant-pool key to the entry's position, without boxing.
 */
final class LongIntMap {

    static final int ABSENT = -1;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap() {
        keys = new long[16];
        values = new int[16];
        java.util.Arrays.fill(values, ABSENT);
        mask = 15;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** The value of {@code key}, or {@link #ABSENT}. */
    int get(long key) {
        int i = hash(key) & mask;
        while (true) {
            int value = values[i];
            if (value == ABSENT || keys[i] == key) {
                return value;
            }
            i = (i + 1) & mask;
        }
    }

    /** Maps {@code key} to {@code value} (at least 0), replacing any earlier value. */
    void put(long key, int value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = hash(key) & mask;
        while (values[i] != ABSENT) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        java.util.Arrays.fill(values, ABSENT);
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != ABSENT) {
                int j = hash(oldKeys[i]) & mask;
                while (values[j] != ABSENT) {
                    j = (j + 1) & mask;
                }
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }
}
