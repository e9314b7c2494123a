package io.veltrix.scenarios.parse;

/** Paths into a scenario, as shown in messages: {@code strategies[1].sizing.fixed}; the root is "scenario". */
final class Paths {
    private Paths() {}

    static String display(String path) {
        return path.isEmpty() ? "scenario" : path;
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String item(String path, int index) {
        return path + "[" + index + "]";
    }
}
