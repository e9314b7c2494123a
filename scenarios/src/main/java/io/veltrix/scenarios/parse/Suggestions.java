package io.veltrix.scenarios.parse;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?": the closest known word to a misspelt one, by Damerau-Levenshtein distance. */
final class Suggestions {
    private Suggestions() {}

    /**
     * The candidate closest to {@code word}, if it is close enough to be a likely misspelling (at most one edit
     * for words under six characters, two up to eight, three beyond, and fewer edits than the word has
     * characters), or else the first candidate that {@code word} abbreviates. Ties go to the earlier candidate.
     */
    static Optional<String> closest(String word, Collection<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, lower.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        if (best != null && bestDistance <= limit && bestDistance < lower.length() && !best.equals(word)) {
            return Optional.of(best);
        }
        // An abbreviation, like 'strat' for 'strategy'.
        if (lower.length() >= 3) {
            for (String candidate : candidates) {
                if (candidate.toLowerCase(Locale.ROOT).startsWith(lower) && !candidate.equals(word)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code "; did you mean 'x'?"} or the empty string. */
    static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    /**
     * The optimal-string-alignment distance: insertions, deletions, substitutions and transpositions of two
     * adjacent characters each cost one.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
