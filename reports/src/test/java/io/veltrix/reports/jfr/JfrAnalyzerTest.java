package io.veltrix.reports.jfr;

import static io.veltrix.reports.jfr.TestRecordings.ALLOCATING_THREAD;
import static io.veltrix.reports.jfr.TestRecordings.ARRAYS;
import static io.veltrix.reports.jfr.TestRecordings.ARRAY_BYTES;
import static io.veltrix.reports.jfr.TestRecordings.CPU_THREAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrAnalyzerTest {

    static Path recording;
    static JfrAnalysis analysis;
    static GroundTruth truth;

    @BeforeAll
    static void recordAndAnalyse() throws Exception {
        recording = TestRecordings.sharedWorkload();
        analysis = JfrAnalyzer.standard().analyze(List.of(recording));
        truth = GroundTruth.read(
                recording, analysis.section(SettingsSummary.class).orElseThrow().eventTypes());
    }

    @Test
    void shouldCountEventsOfEveryAnalysedTypeAsTheJdkReadsThem() {
        SettingsSummary settings = analysis.section(SettingsSummary.class).orElseThrow();
        for (String type : settings.eventTypes()) {
            assertThat(analysis.context().eventCount(type)).as(type).isEqualTo(truth.count(type));
        }
        assertThat(truth.count("jdk.ObjectAllocationSample")).isPositive();
        assertThat(truth.count("jdk.ExecutionSample")).isPositive();
        assertThat(truth.count("jdk.GarbageCollection")).isGreaterThanOrEqualTo(3);
        assertThat(analysis.partial()).isFalse();
        assertThat(analysis.files())
                .singleElement()
                .satisfies(f -> assertThat(f.complete()).isTrue());
    }

    @Test
    void shouldTakeTheWindowFromEarliestStartAndLatestEndNotFromFileOrder() {
        assertThat(analysis.context().firstEvent()).isEqualTo(truth.first);
        assertThat(analysis.context().lastEvent()).isEqualTo(truth.last);
        // The window is what the events span (how long the test workload ran depends on the machine).
        assertThat(analysis.context().duration()).isEqualTo(Duration.between(truth.first, truth.last));
        assertThat(analysis.context().duration()).isPositive();
    }

    @Test
    void shouldTotalGcPausesFromSumOfPausesAndTakeTheMaxFromLongestPause() {
        GcSummary gc = analysis.section(GcSummary.class).orElseThrow();
        assertThat(gc.collections()).isEqualTo(truth.count("jdk.GarbageCollection"));
        assertThat(gc.pauseTotal().toNanos()).isEqualTo(truth.totalSumOfPauses());
        assertThat(gc.pauseMax().toNanos()).isEqualTo(truth.maxLongestPause());
        // HdrHistogram at 3 significant digits: within 0.1 % of the exact nearest-rank p99.
        assertThat((double) gc.collectionPauseP99().toNanos())
                .isCloseTo(truth.p99SumOfPauses(), within(truth.p99SumOfPauses() * 0.001 + 1));
        assertThat(gc.phasePauseCount()).isEqualTo(truth.count("jdk.GCPhasePause"));
        assertThat(gc.heapAfterGc().count()).isPositive();
        assertThat(gc.heapMax()).isEqualTo(Runtime.getRuntime().maxMemory());
        assertThat(gc.concurrentCollector()).isFalse();
    }

    @Test
    void shouldSumSampleWeightsPerThreadAndClassExactlyAsReadDirectly() {
        AllocationSummary allocation = analysis.section(AllocationSummary.class).orElseThrow();
        assertThat(allocation.samples()).isEqualTo(truth.count("jdk.ObjectAllocationSample"));
        assertThat(allocation.sampledBytes())
                .isEqualTo(truth.sampledBytesByThread.values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        assertThat(weightOfThread(allocation, ALLOCATING_THREAD))
                .isEqualTo(truth.sampledBytesByThread.get(ALLOCATING_THREAD));
        assertThat(weightOfClass(allocation, "byte[]")).isEqualTo(truth.sampledBytesByClass.get("[B"));
    }

    /**
     * The workload thread allocates exactly {@code ARRAYS * ARRAY_BYTES} (104 MB) and almost nothing else. Samples are
     * taken when a thread needs a new TLAB, each weighing the bytes since the thread's previous sample, so the
     * thread's sum misses at most its last, partly filled TLAB (a few MB at most here) and measured runs land within
     * 3 %. The byte[] class gets the same weight plus other threads' byte[] samples. ±25 % leaves room for a JVM
     * with much larger TLABs while still catching a wrong weighting (e.g. counting samples, or sizes without the
     * weight, is off by orders of magnitude).
     */
    @Test
    void shouldEstimateTheKnownWorkloadsAllocationWithinTwentyFivePercent() {
        AllocationSummary allocation = analysis.section(AllocationSummary.class).orElseThrow();
        long expected = ARRAYS * ARRAY_BYTES;
        assertThat((double) weightOfThread(allocation, ALLOCATING_THREAD)).isCloseTo(expected, within(expected * 0.25));
        assertThat((double) weightOfClass(allocation, "byte[]")).isCloseTo(expected, within(expected * 0.25));
        assertThat(allocation.topClasses().get(0).key()).isEqualTo("byte[]");
        assertThat(allocation.topSites().get(0).key())
                .startsWith(TestRecordings.Workload.class.getName() + ".allocate:");
    }

    /**
     * Threads started during the recording (the workload's, seen in jdk.ThreadStart) count in full; the first sample
     * of every older thread (the test JVM's own) is left out, exactly as a plain reader applying the rule finds.
     */
    @Test
    void shouldLeaveOutOnlyTheFirstSamplesOfThreadsThatDidNotStartInTheRecording() {
        AllocationSummary allocation = analysis.section(AllocationSummary.class).orElseThrow();
        assertThat(truth.startedThreads).isNotEmpty();
        assertThat(truth.excludedFirstSampleByThread).doesNotContainKey(ALLOCATING_THREAD);
        assertThat(allocation.excludedFirstSamples()).isEqualTo(truth.excludedFirstSampleByThread.size());
        assertThat(allocation.excludedFirstSampleBytes())
                .isEqualTo(truth.excludedFirstSampleByThread.values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        assertThat(allocation.samples()).isEqualTo(truth.count("jdk.ObjectAllocationSample"));
    }

    /**
     * A thread that allocated 52 MB before the recording and 10.4 MB during it: its first sample in the recording
     * weighs at least the 52 MB of before (what the JVM does, read directly: since its previous sample, which here
     * is since the thread started), and the analysis leaves that sample out, so the thread's figure is at most what it
     * allocated during the recording.
     */
    @Test
    void shouldNotCreditAllocationFromBeforeTheRecordingToTheRecording(@TempDir Path dir) throws Exception {
        int before = 50_000;
        int during = 10_000;
        CountDownLatch allocatedBefore = new CountDownLatch(1);
        CountDownLatch recordingStarted = new CountDownLatch(1);
        Thread old = new Thread(
                () -> {
                    TestRecordings.Workload.allocate(before);
                    allocatedBefore.countDown();
                    try {
                        recordingStarted.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    TestRecordings.Workload.allocate(during);
                },
                "veltrix-test-older-than-recording");
        old.start();
        allocatedBefore.await();
        Path file = dir.resolve("older.jfr");
        try (Recording r = TestRecordings.newRecording()) {
            r.start();
            recordingStarted.countDown();
            old.join();
            r.stop();
            r.dump(file);
        }
        JfrAnalysis older = JfrAnalyzer.standard().analyze(List.of(file));
        GroundTruth olderTruth = GroundTruth.read(
                file, older.section(SettingsSummary.class).orElseThrow().eventTypes());
        AllocationSummary allocation = older.section(AllocationSummary.class).orElseThrow();

        assertThat(olderTruth.excludedFirstSampleByThread.get(old.getName()))
                .isGreaterThanOrEqualTo(before * ARRAY_BYTES);
        long counted = allocation.topThreads().stream()
                .filter(t -> t.key().name().equals(old.getName()))
                .mapToLong(Ranked::weight)
                .sum();
        assertThat(counted).isLessThanOrEqualTo(during * ARRAY_BYTES);
        assertThat(counted).isEqualTo(olderTruth.sampledBytesByThread.getOrDefault(old.getName(), 0L));
        assertThat(allocation.excludedFirstSampleBytes()).isGreaterThanOrEqualTo(before * ARRAY_BYTES);
        assertThat(allocation.sampledBytes()).isLessThan(before * ARRAY_BYTES);
    }

    /**
     * jdk.ThreadAllocationStatistics is an exact counter of bytes since the thread started: the workload thread stays
     * alive past one emission (100 ms period) after allocating, so its last value is the array bytes plus the little
     * the thread allocated otherwise (under 1 %).
     */
    @Test
    void shouldReportExactThreadAllocationStatisticsBesideTheSampledEstimate() {
        AllocationSummary allocation = analysis.section(AllocationSummary.class).orElseThrow();
        long expected = ARRAYS * ARRAY_BYTES;
        ThreadStatistics statistics = allocation.statistics().values().stream()
                .filter(s -> s.thread().name().equals(ALLOCATING_THREAD))
                .findFirst()
                .orElseThrow();
        assertThat(statistics.lastAllocated()).isEqualTo(truth.statisticsMaxByThread.get(ALLOCATING_THREAD));
        assertThat((double) statistics.lastAllocated()).isCloseTo(expected, within(expected * 0.01));
        assertThat(statistics.observations()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldFindTheWorkloadsHotMethodInTheSampledThread() {
        ExecutionProfile profile = analysis.section(ExecutionProfile.class).orElseThrow();
        assertThat(profile.samples()).isEqualTo(truth.count("jdk.ExecutionSample"));
        String burnCpu = TestRecordings.Workload.class.getName() + ".burnCpu";
        assertThat(profile.hotMethods()).extracting(Ranked::key).contains(burnCpu);
        // jdk.ExecutionSample names the sampled thread in sampledThread; eventThread would be the sampler.
        assertThat(profile.threads()).extracting(t -> t.key().name()).contains(CPU_THREAD);
        assertThat(profile.threads().get(0).key().name()).isIn(CPU_THREAD, ALLOCATING_THREAD);
    }

    @Test
    void shouldWriteTheSameCollapsedStacksAsANaiveReader() {
        StringWriter out = new StringWriter();
        int lines = analysis.section(ExecutionProfile.class).orElseThrow().writeCollapsed(out);
        Map<String, Long> written = new HashMap<>();
        Arrays.stream(out.toString().split("\n")).forEach(line -> {
            int space = line.lastIndexOf(' ');
            written.put(line.substring(0, space), Long.parseLong(line.substring(space + 1)));
        });
        assertThat(lines).isEqualTo(written.size());
        assertThat(written).isEqualTo(truth.collapsed);
        assertThat(out.toString())
                .contains(TestRecordings.Workload.class.getName() + ".burnCpu ")
                .contains("java.lang.Thread.run;");
    }

    @Test
    void shouldReportCpuLoadFromEverySample() {
        CpuLoadAggregator.CpuLoad cpu =
                analysis.section(CpuLoadAggregator.CpuLoad.class).orElseThrow();
        assertThat(cpu.jvmUser().count()).isEqualTo(truth.count("jdk.CPULoad")).isPositive();
        // jdk.CPULoad carries floats: user + system may exceed 100 by a float rounding step.
        assertThat(cpu.jvmTotal().max()).isBetween(0.0, 100.001);
        assertThat(cpu.jvmTotal().mean())
                .isCloseTo(cpu.jvmUser().mean() + cpu.jvmSystem().mean(), within(1e-9));
        assertThat(cpu.period()).isEqualTo("100 ms");
    }

    @Test
    void shouldSumParkTimeAndSayMonitorEventsWereDisabled() {
        LockContention locks = analysis.section(LockContention.class).orElseThrow();
        assertThat(locks.parks().events()).isEqualTo(truth.count("jdk.ThreadPark"));
        assertThat(locks.parks().totalNanos()).isEqualTo(truth.parkNanos);
        assertThat(locks.parks().events()).isGreaterThanOrEqualTo(TestRecordings.PARKS);
        assertThat(locks.parks().bySite())
                .extracting(Ranked::key)
                .anyMatch(site -> site.startsWith(TestRecordings.Workload.class.getName() + ".park:"));
        assertThat(locks.monitors().events()).isZero();
        assertThat(locks.monitors().whyMissing()).contains("jdk.JavaMonitorEnter was disabled");
    }

    @Test
    void shouldReadWhichEventTypesWereEnabledFromActiveSettings() {
        EventSettings settings = analysis.context().settings();
        assertThat(settings.hasActiveSettings()).isTrue();
        assertThat(settings.state("jdk.ObjectAllocationSample")).isEqualTo(EventSettings.State.ENABLED);
        assertThat(settings.setting("jdk.ObjectAllocationSample", "throttle")).isEqualTo("10000/s");
        assertThat(settings.setting("jdk.ExecutionSample", "period")).isEqualTo("10 ms");
        assertThat(settings.state("jdk.JavaMonitorEnter")).isEqualTo(EventSettings.State.DISABLED);
        assertThat(settings.state("jdk.NativeMethodSample")).isEqualTo(EventSettings.State.DISABLED);
        assertThat(settings.state("jdk.NoSuchEvent")).isEqualTo(EventSettings.State.NOT_IN_JVM);
    }

    @Test
    void shouldNameTheJvmThatMadeTheRecording() {
        JvmInfoAggregator.JvmInfo jvm =
                analysis.section(JvmInfoAggregator.JvmInfo.class).orElseThrow();
        assertThat(jvm.jvmVersion()).contains(System.getProperty("java.vm.version"));
        assertThat(jvm.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(jvm.cores()).isPositive();
    }

    /** Aggregating workers each see a share of the events; merged, they must say exactly what one worker says. */
    @Test
    void shouldGiveTheSameResultsWhateverTheNumberOfWorkers() throws Exception {
        JfrAnalysis one = JfrAnalyzer.standard().withWorkers(1).analyze(List.of(recording));
        JfrAnalysis three = JfrAnalyzer.standard().withWorkers(3).analyze(List.of(recording));
        assertThat(three.sections()).hasSameSizeAs(one.sections());
        for (int i = 0; i < one.sections().size(); i++) {
            ReportSection a = one.sections().get(i);
            ReportSection b = three.sections().get(i);
            if (a instanceof RecordingSummary) {
                assertThat(((RecordingSummary) b).eventsRead()).isEqualTo(((RecordingSummary) a).eventsRead());
                continue;
            }
            assertThat(written(b)).as(a.key()).isEqualTo(written(a));
        }
        assertThat(collapsed(three)).isEqualTo(collapsed(one));
        assertThat(three.context().firstEvent()).isEqualTo(one.context().firstEvent());
        assertThat(three.context().lastEvent()).isEqualTo(one.context().lastEvent());
    }

    private static String written(ReportSection section) {
        StringBuilder out = new StringBuilder();
        section.writeTo(new RecordingSectionWriter(out));
        return out.toString();
    }

    private static String collapsed(JfrAnalysis analysis) {
        StringWriter out = new StringWriter();
        analysis.section(ExecutionProfile.class).orElseThrow().writeCollapsed(out);
        return out.toString();
    }

    private static long weightOfThread(AllocationSummary allocation, String name) {
        return allocation.topThreads().stream()
                .filter(t -> t.key().name().equals(name))
                .mapToLong(Ranked::weight)
                .findFirst()
                .orElseThrow();
    }

    private static long weightOfClass(AllocationSummary allocation, String name) {
        return allocation.topClasses().stream()
                .filter(t -> t.key().equals(name))
                .mapToLong(Ranked::weight)
                .findFirst()
                .orElseThrow();
    }
}
