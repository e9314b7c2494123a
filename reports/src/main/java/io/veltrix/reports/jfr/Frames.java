package io.veltrix.reports.jfr;

import java.util.List;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/** How frames, methods and classes are named in reports and collapsed stacks. */
final class Frames {

    static final String NO_STACK = "[no stack trace]";

    private Frames() {}

    /** {@code package.Class.method}, the key of hot methods and of collapsed-stack frames. */
    static String method(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        if (method == null) {
            return "[unknown method]";
        }
        return className(method.getType()) + "." + method.getName();
    }

    /** {@code package.Class.method:line} (without {@code :line} when the line is unknown): an allocation or lock site. */
    static String site(RecordedFrame frame) {
        int line = frame.getLineNumber();
        return line > 0 ? method(frame) + ":" + line : method(frame);
    }

    /** The top frame's site, or {@link #NO_STACK}. */
    static String topSite(RecordedStackTrace stack) {
        List<RecordedFrame> frames = stack == null ? List.of() : stack.getFrames();
        return frames.isEmpty() ? NO_STACK : site(frames.get(0));
    }

    /** The top frame's method, or {@link #NO_STACK}. */
    static String topMethod(RecordedStackTrace stack) {
        List<RecordedFrame> frames = stack == null ? List.of() : stack.getFrames();
        return frames.isEmpty() ? NO_STACK : method(frames.get(0));
    }

    /** A class's name as Java source writes it: {@code byte[]} rather than {@code [B}. */
    static String className(RecordedClass type) {
        return type == null ? "[unknown class]" : javaName(type.getName());
    }

    /** Turns a JVM binary name such as {@code [[Ljava.lang.String;} into {@code java.lang.String[][]}. */
    static String javaName(String binaryName) {
        if (binaryName == null || binaryName.isEmpty()) {
            return "[unknown class]";
        }
        int dims = 0;
        while (dims < binaryName.length() && binaryName.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return binaryName;
        }
        String element = binaryName.substring(dims);
        String base = switch (element) {
            case "B" -> "byte";
            case "C" -> "char";
            case "D" -> "double";
            case "F" -> "float";
            case "I" -> "int";
            case "J" -> "long";
            case "S" -> "short";
            case "Z" -> "boolean";
            default ->
                element.startsWith("L") && element.endsWith(";")
                        ? element.substring(1, element.length() - 1).replace('/', '.')
                        : element;
        };
        return base + "[]".repeat(dims);
    }
}
