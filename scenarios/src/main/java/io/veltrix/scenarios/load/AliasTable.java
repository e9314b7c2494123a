package io.veltrix.scenarios.load;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Walker's alias method (Vose's construction): picks an index with given probabilities in constant time from one
 * uniform draw.
 */
final class AliasTable {
    private final double[] keep;
    private final int[] alias;

    /** @param shares positive weights, normalised here */
    AliasTable(double[] shares) {
        int n = shares.length;
        keep = new double[n];
        alias = new int[n];
        double total = 0;
        for (double share : shares) {
            total += share;
        }
        double[] scaled = new double[n];
        Deque<Integer> small = new ArrayDeque<>();
        Deque<Integer> large = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            scaled[i] = shares[i] * n / total;
            (scaled[i] < 1.0 ? small : large).push(i);
        }
        while (!small.isEmpty() && !large.isEmpty()) {
            int s = small.pop();
            int l = large.pop();
            keep[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            (scaled[l] < 1.0 ? small : large).push(l);
        }
        // What is left is 1.0 up to rounding: always kept.
        for (int i : large) {
            keep[i] = 1.0;
            alias[i] = i;
        }
        for (int i : small) {
            keep[i] = 1.0;
            alias[i] = i;
        }
    }

    int pick(SplitMix64 random) {
        double u = random.nextDouble() * keep.length;
        int column = Math.min((int) u, keep.length - 1);
        return u - column < keep[column] ? column : alias[column];
    }
}
