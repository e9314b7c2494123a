package io.veltrix.scenarios.parse;

import java.util.ArrayList;
import java.util.List;

/** The file being read and the problems found so far; readers keep going after a problem to find them all. */
final class ParseContext {
    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    ParseContext(String file) {
        this.file = file;
    }

    void error(Location at, String message) {
        problems.add(new Problem(file, at, message));
    }

    /** How many problems have been found: a reader compares it before and after to know if its part was sound. */
    int problemCount() {
        return problems.size();
    }

    /** The problems in file order (stable for problems at the same place). */
    List<Problem> problems() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Problem.IN_FILE_ORDER);
        return List.copyOf(sorted);
    }
}
