package io.veltrix.reports.jfr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Sampled stacks, counted by distinct stack, root first, for collapsed ("folded") output; frames are interned so a
 * stack costs one int per frame. Both the frame table and the stack count are capped. Opaque outside this
 * package: read it through {@link ExecutionProfile#writeCollapsed}.
 */
public final class StackTable {

    static final String TRUNCATED = "[truncated]";
    static final String OTHER_FRAME = "[other frame]";
    static final String OTHER_STACKS = "[other stacks]";

    /** A stack as frame ids, root first. */
    static final class Stack {
        private final int[] frames;
        private final int hash;

        Stack(int[] frames) {
            this.frames = frames;
            this.hash = Arrays.hashCode(frames);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Stack s && Arrays.equals(frames, s.frames);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final int maxFrames;
    private final TopCounter<Stack> counts;

    StackTable(int maxStacks) {
        this.counts = new TopCounter<>(maxStacks);
        this.maxFrames = maxStacks * 4;
        id(OTHER_FRAME);
    }

    /** Turns a JFR stack trace into a {@link Stack}, root first; a truncated trace gets a "[truncated]" root. */
    Stack stackOf(RecordedStackTrace trace) {
        if (trace == null) {
            return new Stack(new int[] {id(Frames.NO_STACK)});
        }
        List<RecordedFrame> frames = trace.getFrames();
        int extra = trace.isTruncated() ? 1 : 0;
        int[] out = new int[frames.size() + extra];
        if (extra == 1) {
            out[0] = id(TRUNCATED);
        }
        for (int i = 0; i < frames.size(); i++) {
            // JFR lists the top frame first; folded stacks start at the root.
            out[extra + i] = id(sanitize(Frames.method(frames.get(frames.size() - 1 - i))));
        }
        return new Stack(out);
    }

    void add(Stack stack) {
        counts.add(stack, 1);
    }

    /** Adds the stacks {@code other} counted, translating its frame ids into this table's. */
    void merge(StackTable other) {
        int[] translate = new int[other.names.size()];
        for (int i = 0; i < translate.length; i++) {
            translate[i] = id(other.names.get(i));
        }
        for (var e : other.counts.weights().entrySet()) {
            int[] frames = e.getKey().frames.clone();
            for (int i = 0; i < frames.length; i++) {
                frames[i] = translate[frames[i]];
            }
            counts.add(new Stack(frames), e.getValue(), e.getValue());
        }
        counts.mergeFolded(other.counts);
    }

    long samples() {
        return counts.totalCount();
    }

    int distinctStacks() {
        return counts.trackedKeys();
    }

    long foldedSamples() {
        return counts.foldedCount();
    }

    /**
     * Writes one line per stack, {@code root;...;leaf count}, sorted by frame names so output is stable; samples
     * of stacks folded away by the cap go on one {@code [other stacks] count} line.
     *
     * @return the number of lines written
     */
    int writeCollapsed(Appendable out) {
        List<Map.Entry<Stack, Long>> stacks = new ArrayList<>(counts.weights().entrySet());
        stacks.sort((a, b) -> compare(a.getKey(), b.getKey()));
        try {
            StringBuilder line = new StringBuilder(256);
            for (Map.Entry<Stack, Long> e : stacks) {
                line.setLength(0);
                int[] frames = e.getKey().frames;
                for (int i = 0; i < frames.length; i++) {
                    if (i > 0) {
                        line.append(';');
                    }
                    line.append(names.get(frames[i]));
                }
                line.append(' ').append(e.getValue()).append('\n');
                out.append(line);
            }
            if (counts.foldedCount() > 0) {
                out.append(OTHER_STACKS)
                        .append(' ')
                        .append(Long.toString(counts.foldedCount()))
                        .append('\n');
                return stacks.size() + 1;
            }
            return stacks.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int compare(Stack a, Stack b) {
        int n = Math.min(a.frames.length, b.frames.length);
        for (int i = 0; i < n; i++) {
            if (a.frames[i] != b.frames[i]) {
                return names.get(a.frames[i]).compareTo(names.get(b.frames[i]));
            }
        }
        return Integer.compare(a.frames.length, b.frames.length);
    }

    private int id(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            if (names.size() >= maxFrames) {
                return 0;
            }
            id = names.size();
            ids.put(name, id);
            names.add(name);
        }
        return id;
    }

    /** Folded format separates frames with ';' and the count with the last space: keep frames on one line. */
    private static String sanitize(String frame) {
        return frame.indexOf(';') < 0 && frame.indexOf('\n') < 0
                ? frame
                : frame.replace(';', ':').replace('\n', ' ');
    }
}
