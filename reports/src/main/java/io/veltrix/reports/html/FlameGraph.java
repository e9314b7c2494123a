package io.veltrix.reports.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rectangles of a flame graph, laid out from collapsed stacks ({@code root;caller;callee 42}, Brendan Gregg's
 * folded format): one frame per distinct call path, as wide as its samples, on top of its caller; siblings in name
 * order, as {@code flamegraph.pl} draws them. The chart library only draws the rectangles.
 *
 * @param frames every frame drawn, callers before callees; the root ({@code all}) first
 * @param totalSamples the samples of all stacks
 * @param maxDepth the deepest frame's depth (the root is at 0)
 * @param hiddenFrames frames left out because they are narrower than {@link #MIN_FRACTION} of all samples
 */
record FlameGraph(List<Frame> frames, long totalSamples, int maxDepth, int hiddenFrames) {

    /** Frames under this share of all samples are not drawn (they would be under a pixel wide). */
    static final double MIN_FRACTION = 0.001;

    /**
     * One rectangle.
     *
     * @param start its left edge, in samples from the left
     * @param samples its width: samples whose stack passes through this call path
     * @param depth how many callers it has (the root has 0)
     * @param name the frame
     */
    record Frame(long start, long samples, int depth, String name) {}

    private static final class Node {
        final String name;
        long samples;
        final Map<String, Node> children = new TreeMap<>();

        Node(String name) {
            this.name = name;
        }
    }

    /**
     * Lays out {@code lines} of collapsed stacks; blank lines are skipped.
     *
     * @throws IllegalArgumentException naming the line, when one is not {@code frame;frame;... count}
     */
    static FlameGraph of(List<String> lines) {
        Node root = new Node("all");
        int lineNumber = 0;
        for (String raw : lines) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            long count = space > 0 ? parseCount(line.substring(space + 1)) : -1;
            if (count < 0) {
                throw new IllegalArgumentException("collapsed stacks, line " + lineNumber
                        + ": expected 'frame;frame;... count' with a count >= 0, was '" + raw + "'");
            }
            root.samples += count;
            Node node = root;
            for (String frame : line.substring(0, space).strip().split(";")) {
                node = node.children.computeIfAbsent(frame, Node::new);
                node.samples += count;
            }
        }
        List<Frame> frames = new ArrayList<>();
        int[] hidden = {0};
        int[] maxDepth = {0};
        long minSamples = (long) Math.ceil(root.samples * MIN_FRACTION);
        layout(root, 0, 0, minSamples, frames, hidden, maxDepth);
        return new FlameGraph(List.copyOf(frames), root.samples, maxDepth[0], hidden[0]);
    }

    private static long parseCount(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void layout(
            Node node, long start, int depth, long minSamples, List<Frame> frames, int[] hidden, int[] maxDepth) {
        frames.add(new Frame(start, node.samples, depth, node.name));
        maxDepth[0] = Math.max(maxDepth[0], depth);
        long x = start;
        for (Node child : node.children.values()) {
            if (child.samples < minSamples || child.samples == 0) {
                hidden[0] += 1 + descendants(child);
            } else {
                layout(child, x, depth + 1, minSamples, frames, hidden, maxDepth);
            }
            x += child.samples;
        }
    }

    private static int descendants(Node node) {
        int n = 0;
        for (Node child : node.children.values()) {
            n += 1 + descendants(child);
        }
        return n;
    }
}
