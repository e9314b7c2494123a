package io.veltrix.reports.jfr;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Recording;

/**
 * Makes small real recordings in-process, of a workload whose allocation and threads are known, so tests can compare
 * the analysis with ground truth.
 */
final class TestRecordings {

    /** Thread that allocates {@link #ARRAYS} byte arrays of {@link #ARRAY_LENGTH} bytes, and nothing much else. */
    static final String ALLOCATING_THREAD = "veltrix-test-allocator";
    /** Thread that burns CPU in {@link Workload#burnCpu}. */
    static final String CPU_THREAD = "veltrix-test-cpu";
    /** Thread that parks {@link #PARKS} times for {@link #PARK_MILLIS} ms. */
    static final String PARKING_THREAD = "veltrix-test-parker";

    static final int ARRAYS = 100_000;
    static final int ARRAY_LENGTH = 1024;
    /** A byte[1024] takes 1040 bytes on a 64-bit HotSpot JVM with compressed class pointers (16-byte header). */
    static final long ARRAY_BYTES = 16 + ARRAY_LENGTH;

    static final int PARKS = 3;
    static final long PARK_MILLIS = 20;

    private static Path shared;

    private TestRecordings() {}

    /**
     * One recording of the known workload per test JVM, shared by the test classes that only read it: recording
     * takes about a second.
     */
    static synchronized Path sharedWorkload() throws Exception {
        if (shared == null) {
            Path dir = Files.createTempDirectory("veltrix-jfr-test-");
            dir.toFile().deleteOnExit();
            shared = recordWorkload(dir.resolve("workload.jfr"));
            shared.toFile().deleteOnExit();
        }
        return shared;
    }

    /** Settings of the test recording: what a real profile would enable, at rates that suit a one-second run. */
    /** The class path entry (folder or jar) holding {@code type}, to start a child JVM on the test classes. */
    static String classPathOf(Class<?> type) throws java.net.URISyntaxException {
        return java.nio.file.Paths.get(
                        type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }

    static Recording newRecording() {
        Recording r = new Recording();
        r.enable("jdk.ObjectAllocationSample").with("throttle", "10000/s").withStackTrace();
        r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        r.enable("jdk.GarbageCollection");
        r.enable("jdk.GCPhasePause");
        r.enable("jdk.GCHeapSummary");
        r.enable("jdk.GCConfiguration");
        r.enable("jdk.GCHeapConfiguration");
        r.enable("jdk.ThreadAllocationStatistics").withPeriod(Duration.ofMillis(100));
        r.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(100));
        r.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(10)).withStackTrace();
        r.enable("jdk.ThreadStart");
        r.enable("jdk.JVMInformation");
        r.enable("jdk.OSInformation");
        r.enable("jdk.CPUInformation");
        r.enable("jdk.ActiveSetting");
        r.disable("jdk.JavaMonitorEnter");
        return r;
    }

    /** Records the known workload into {@code file}. */
    static Path recordWorkload(Path file) throws Exception {
        try (Recording r = newRecording()) {
            r.start();
            Workload.run();
            r.stop();
            r.dump(file);
        }
        return file;
    }

    /**
     * Records the workload into {@code file} in several chunks: starting and stopping another recording makes the
     * JVM rotate chunks.
     */
    static Path recordWorkloadInChunks(Path file, int rotations) throws Exception {
        try (Recording r = newRecording()) {
            r.start();
            for (int i = 0; i < rotations; i++) {
                Workload.allocate(ARRAYS / 10);
                System.gc();
                try (Recording rotate = new Recording()) {
                    rotate.start();
                    rotate.stop();
                }
            }
            Workload.allocate(ARRAYS / 10);
            r.stop();
            r.dump(file);
        }
        return file;
    }

    /** Writes the first {@code bytes} of {@code source} to {@code target}. */
    static Path cut(Path source, Path target, long bytes) throws IOException {
        byte[] all = Files.readAllBytes(source);
        Files.write(target, Arrays.copyOf(all, (int) bytes));
        return target;
    }

    /** The workload; its method names show up in stacks. */
    static final class Workload {
        static volatile Object sink;

        private Workload() {}

        static void run() throws InterruptedException {
            CountDownLatch allocated = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            threads.add(new Thread(
                    () -> {
                        allocate(ARRAYS);
                        allocated.countDown();
                        // Stay alive until a jdk.ThreadAllocationStatistics has seen the whole allocation.
                        awaitQuietly(release);
                    },
                    ALLOCATING_THREAD));
            threads.add(new Thread(() -> burnCpu(300), CPU_THREAD));
            threads.add(new Thread(Workload::park, PARKING_THREAD));
            threads.forEach(Thread::start);
            allocated.await();
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            Thread.sleep(300);
            release.countDown();
            for (Thread t : threads) {
                t.join();
            }
        }

        static void allocate(int arrays) {
            for (int i = 0; i < arrays; i++) {
                sink = new byte[ARRAY_LENGTH];
            }
        }

        /**
         * Runs Java code until this thread has used {@code millis} of CPU (or 10 s have passed): on a busy machine
         * wall-clock time would not guarantee the thread ran long enough to be sampled.
         */
        static long burnCpu(long millis) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuEnd = threads.getCurrentThreadCpuTime() + millis * 1_000_000;
            long wallEnd = System.nanoTime() + 10_000_000_000L;
            long x = 0;
            while (threads.getCurrentThreadCpuTime() < cpuEnd && System.nanoTime() < wallEnd) {
                for (int i = 0; i < 100_000; i++) {
                    x = x * 31 + i;
                }
            }
            sink = x;
            return x;
        }

        static void park() {
            for (int i = 0; i < PARKS; i++) {
                LockSupport.parkNanos(PARK_MILLIS * 1_000_000);
            }
        }

        private static void awaitQuietly(CountDownLatch latch) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
