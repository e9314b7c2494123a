package io.veltrix.reports.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What the JDK's own {@link RecordingFile} reads from a test recording, the plain way (every event, in file order,
 * no caching): the reference the analysis is checked against. Test recordings are small, so keeping lists is fine
 * here.
 */
final class GroundTruth {

    final Map<String, Long> counts = new HashMap<>();
    final List<Long> sumOfPausesNanos = new ArrayList<>();
    final List<Long> longestPauseNanos = new ArrayList<>();
    final Map<String, Long> sampledBytesByThread = new HashMap<>();
    final Map<String, Long> sampledBytesByClass = new HashMap<>();
    final Map<String, Long> collapsed = new HashMap<>();
    final Map<String, Long> statisticsMaxByThread = new HashMap<>();
    /** Every allocation sample by Java thread id, to apply the first-sample rule after reading. */
    final Map<Long, List<RecordedEvent>> samplesByThread = new HashMap<>();
    /** Java thread ids with a jdk.ThreadStart in the file. */
    final Set<Long> startedThreads = new HashSet<>();
    /** Threads whose first sample the rule leaves out, with its weight. */
    final Map<String, Long> excludedFirstSampleByThread = new HashMap<>();

    long parkNanos;
    int cpuLoadEvents;
    Instant first;
    Instant last;

    static GroundTruth read(Path file, Set<String> types) throws IOException {
        GroundTruth t = new GroundTruth();
        try (RecordingFile in = new RecordingFile(file)) {
            while (in.hasMoreEvents()) {
                RecordedEvent e = in.readEvent();
                String type = e.getEventType().getName();
                if (!types.contains(type)) {
                    continue;
                }
                t.counts.merge(type, 1L, Long::sum);
                if (t.first == null || e.getStartTime().isBefore(t.first)) {
                    t.first = e.getStartTime();
                }
                if (t.last == null || e.getEndTime().isAfter(t.last)) {
                    t.last = e.getEndTime();
                }
                t.add(type, e);
            }
        }
        t.applyFirstSampleRule();
        return t;
    }

    private void add(String type, RecordedEvent e) {
        switch (type) {
            case "jdk.GarbageCollection" -> {
                sumOfPausesNanos.add(e.getDuration("sumOfPauses").toNanos());
                longestPauseNanos.add(e.getDuration("longestPause").toNanos());
            }
            case "jdk.ObjectAllocationSample" ->
                samplesByThread
                        .computeIfAbsent(e.getThread("eventThread").getJavaThreadId(), id -> new ArrayList<>())
                        .add(e);
            case "jdk.ThreadStart" -> startedThreads.add(e.getThread("thread").getJavaThreadId());
            case "jdk.ExecutionSample" -> collapsed.merge(folded(e.getStackTrace()), 1L, Long::sum);
            case "jdk.ThreadAllocationStatistics" ->
                statisticsMaxByThread.merge(e.getThread("thread").getJavaName(), e.getLong("allocated"), Math::max);
            case "jdk.ThreadPark" -> parkNanos += e.getDuration().toNanos();
            default -> {}
        }
    }

    /**
     * A thread's earliest sample counts only if the thread started during the recording; otherwise its weight
     * (allocation since the thread's previous sample, perhaps long before the recording) is set apart.
     */
    private void applyFirstSampleRule() {
        samplesByThread.forEach((id, samples) -> {
            samples.sort(Comparator.comparing(RecordedEvent::getStartTime));
            String thread = samples.get(0).getThread("eventThread").getJavaName();
            for (int i = 0; i < samples.size(); i++) {
                RecordedEvent e = samples.get(i);
                if (i == 0 && !startedThreads.contains(id)) {
                    excludedFirstSampleByThread.put(thread, e.getLong("weight"));
                    continue;
                }
                sampledBytesByThread.merge(thread, e.getLong("weight"), Long::sum);
                sampledBytesByClass.merge(e.getClass("objectClass").getName(), e.getLong("weight"), Long::sum);
            }
        });
    }

    private static String folded(RecordedStackTrace stack) {
        List<String> frames = new ArrayList<>();
        for (RecordedFrame f : stack.getFrames()) {
            frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
        }
        if (stack.isTruncated()) {
            frames.add("[truncated]");
        }
        Collections.reverse(frames);
        return String.join(";", frames);
    }

    long count(String type) {
        return counts.getOrDefault(type, 0L);
    }

    long totalSumOfPauses() {
        return sumOfPausesNanos.stream().mapToLong(Long::longValue).sum();
    }

    long maxLongestPause() {
        return longestPauseNanos.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** Nearest-rank 99th percentile of per-collection pause time. */
    long p99SumOfPauses() {
        List<Long> sorted = new ArrayList<>(sumOfPausesNanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(0.99 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
