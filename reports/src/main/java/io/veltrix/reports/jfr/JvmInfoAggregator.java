package io.veltrix.reports.jfr;

import java.time.Instant;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Which JVM, OS and machine made the recording: {@code jdk.JVMInformation}, {@code jdk.OSInformation} and
 * {@code jdk.CPUInformation}, emitted once per chunk. The latest by event time wins (file order is not time order).
 */
public final class JvmInfoAggregator implements MergeableAggregator<JvmInfoAggregator> {

    static final String JVM_INFORMATION = "jdk.JVMInformation";
    static final String OS_INFORMATION = "jdk.OSInformation";
    static final String CPU_INFORMATION = "jdk.CPUInformation";

    private String jvmName;
    private String jvmVersion;
    private String jvmArguments;
    private String javaArguments;
    private Instant jvmStart;
    private long pid = -1;
    private String os;
    private String cpu;
    private int cores;
    private int hardwareThreads;
    private Instant jvmTime;
    private Instant osTime;
    private Instant cpuTime;

    public JvmInfoAggregator(AnalysisOptions options) {
        // A handful of strings: nothing to bound.
    }

    @Override
    public void subscribe(EventSubscriptions subscriptions) {
        subscriptions.on(JVM_INFORMATION, this::onJvm);
        subscriptions.on(OS_INFORMATION, this::onOs);
        subscriptions.on(CPU_INFORMATION, this::onCpu);
    }

    private static boolean later(Instant at, Instant than) {
        return than == null || !at.isBefore(than);
    }

    private void onOs(RecordedEvent e) {
        if (later(e.getStartTime(), osTime)) {
            osTime = e.getStartTime();
            os = e.getString("osVersion");
        }
    }

    private void onJvm(RecordedEvent e) {
        if (!later(e.getStartTime(), jvmTime)) {
            return;
        }
        jvmTime = e.getStartTime();
        jvmName = e.getString("jvmName");
        jvmVersion = e.getString("jvmVersion");
        jvmArguments = e.getString("jvmArguments");
        javaArguments = e.getString("javaArguments");
        jvmStart = e.getInstant("jvmStartTime");
        pid = e.getLong("pid");
    }

    private void onCpu(RecordedEvent e) {
        if (!later(e.getStartTime(), cpuTime)) {
            return;
        }
        cpuTime = e.getStartTime();
        cpu = e.getString("cpu");
        cores = e.getInt("cores");
        hardwareThreads = e.getInt("hwThreads");
    }

    @Override
    public void merge(JvmInfoAggregator other) {
        if (other.jvmTime != null && later(other.jvmTime, jvmTime)) {
            jvmTime = other.jvmTime;
            jvmName = other.jvmName;
            jvmVersion = other.jvmVersion;
            jvmArguments = other.jvmArguments;
            javaArguments = other.javaArguments;
            jvmStart = other.jvmStart;
            pid = other.pid;
        }
        if (other.osTime != null && later(other.osTime, osTime)) {
            osTime = other.osTime;
            os = other.os;
        }
        if (other.cpuTime != null && later(other.cpuTime, cpuTime)) {
            cpuTime = other.cpuTime;
            cpu = other.cpu;
            cores = other.cores;
            hardwareThreads = other.hardwareThreads;
        }
    }

    @Override
    public JvmInfo finish(AnalysisContext context) {
        return new JvmInfo(
                jvmName,
                jvmVersion,
                jvmArguments,
                javaArguments,
                jvmStart,
                pid,
                os,
                cpu,
                cores,
                hardwareThreads,
                context.settings().whyMissing(JVM_INFORMATION));
    }

    /**
     * The recorded JVM and machine; any field may be null (or 0, -1) when its event was not recorded.
     *
     * @param jvmName e.g. "OpenJDK 64-Bit Server VM"
     * @param jvmVersion the JVM's full version string
     * @param jvmArguments the JVM's options
     * @param javaArguments the main class or jar and its arguments
     * @param jvmStart when the JVM started
     * @param pid the process id; -1 when unknown
     * @param os the OS description (may span lines)
     * @param cpu the CPU type
     * @param cores CPU cores
     * @param hardwareThreads hardware threads
     * @param whyMissing why there is no JVM information, should there be none
     */
    public record JvmInfo(
            String jvmName,
            String jvmVersion,
            String jvmArguments,
            String javaArguments,
            Instant jvmStart,
            long pid,
            String os,
            String cpu,
            int cores,
            int hardwareThreads,
            String whyMissing)
            implements ReportSection {

        @Override
        public String key() {
            return "jvm";
        }

        @Override
        public String title() {
            return "JVM and machine";
        }

        @Override
        public void writeTo(SectionWriter out) {
            if (jvmName == null) {
                out.missing("jvmName", "JVM", whyMissing);
            } else {
                out.text("jvmName", "JVM", jvmName);
                out.text("jvmVersion", "version", jvmVersion);
                out.text("jvmArguments", "JVM arguments", nullToEmpty(jvmArguments));
                out.text("javaArguments", "application", nullToEmpty(javaArguments));
                if (jvmStart != null) {
                    out.value("jvmStartTime", "JVM started", jvmStart, Unit.TIMESTAMP);
                }
                out.count("pid", "pid", pid);
            }
            if (os != null) {
                out.text("os", "OS", firstLine(os));
            }
            if (cpu != null) {
                out.text("cpu", "CPU", firstLine(cpu));
                out.count("cores", "cores", cores);
                out.count("hardwareThreads", "hardware threads", hardwareThreads);
            }
        }

        private static String nullToEmpty(String s) {
            return s == null ? "" : s;
        }

        private static String firstLine(String s) {
            String trimmed = s.strip();
            int nl = trimmed.indexOf('\n');
            return nl < 0 ? trimmed : trimmed.substring(0, nl).strip();
        }
    }
}
