package io.veltrix.reports.jfr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Recording;

/**
 * Records allocation of several classes in several threads, with chunk rotations and, in the first chunk, a flush
 * (the JVM flushes a recording to disk every second: a checkpoint event with the constant pools so far), into the
 * file given as the first argument. Run in-process by {@link AllocationSampleDecoderTest} and, through its
 * {@link #main}, in a child JVM of another JDK.
 */
final class AllocationWorkload {

    static final String THREAD_PREFIX = "veltrix-test-mixed-";

    static volatile Object sink;

    private AllocationWorkload() {}

    /** Arguments: the file to write, the number of chunk rotations. */
    public static void main(String[] args) throws Exception {
        record(Path.of(args[0]), Integer.parseInt(args[1]));
    }

    /**
     * Records the workload into {@code file}: 1.3 s in the first chunk (so at least one flush happens in it), then
     * 150 ms in each of {@code rotations} more.
     */
    static Path record(Path file, int rotations) throws Exception {
        try (Recording r = new Recording()) {
            r.enable("jdk.ObjectAllocationSample").with("throttle", "10000/s").withStackTrace();
            r.enable("jdk.ThreadStart");
            r.enable("jdk.ActiveSetting");
            r.start();
            for (int i = 0; i <= rotations; i++) {
                run(2, i == 0 ? 1300 : 150);
                if (i < rotations) {
                    try (Recording rotate = new Recording()) {
                        rotate.start();
                        rotate.stop();
                    }
                }
            }
            r.stop();
            r.dump(file);
        }
        return file;
    }

    /**
     * {@code threads} threads allocating arrays, strings, lists and records for {@code millis} ms, half of the time
     * (10 ms on, 10 ms off: the test machine is shared).
     */
    static void run(int threads, long millis) throws InterruptedException {
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            all.add(new Thread(() -> allocate(millis), THREAD_PREFIX + t));
        }
        all.forEach(Thread::start);
        for (Thread t : all) {
            t.join();
        }
    }

    record Point(long x, long y) {}

    static void allocate(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        long burst = System.nanoTime() + 10_000_000;
        int i = 0;
        while (System.nanoTime() < end) {
            if (System.nanoTime() > burst) {
                LockSupport.parkNanos(10_000_000);
                burst = System.nanoTime() + 10_000_000;
            }
            for (int j = 0; j < 1_000; j++, i++) {
                sink = switch (i % 5) {
                    case 0 -> new byte[64 + i % 1024];
                    case 1 -> "s-" + i;
                    case 2 -> new ArrayList<>(List.of(i, j));
                    case 3 -> new Point(i, j);
                    default -> new long[8 + i % 64];
                };
            }
        }
    }
}
