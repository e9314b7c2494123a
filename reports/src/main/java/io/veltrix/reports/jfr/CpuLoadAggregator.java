package io.veltrix.reports.jfr;

import jdk.jfr.consumer.RecordedEvent;

/** CPU use of the JVM (user and system) and of the whole machine, from the periodic {@code jdk.CPULoad} event. */
public final class CpuLoadAggregator implements MergeableAggregator<CpuLoadAggregator> {

    static final String CPU_LOAD = "jdk.CPULoad";

    private final DoubleStats.Accumulator jvmUser = new DoubleStats.Accumulator();
    private final DoubleStats.Accumulator jvmSystem = new DoubleStats.Accumulator();
    private final DoubleStats.Accumulator jvmTotal = new DoubleStats.Accumulator();
    private final DoubleStats.Accumulator machine = new DoubleStats.Accumulator();

    public CpuLoadAggregator(AnalysisOptions options) {
        // Nothing to bound: four running statistics.
    }

    @Override
    public void subscribe(EventSubscriptions subscriptions) {
        subscriptions.on(CPU_LOAD, this::onCpuLoad);
    }

    private void onCpuLoad(RecordedEvent e) {
        // The fields are fractions of all the machine's CPUs, 0 to 1.
        double user = e.getFloat("jvmUser") * 100.0;
        double system = e.getFloat("jvmSystem") * 100.0;
        jvmUser.add(user);
        jvmSystem.add(system);
        jvmTotal.add(user + system);
        machine.add(e.getFloat("machineTotal") * 100.0);
    }

    @Override
    public void merge(CpuLoadAggregator other) {
        jvmUser.merge(other.jvmUser);
        jvmSystem.merge(other.jvmSystem);
        jvmTotal.merge(other.jvmTotal);
        machine.merge(other.machine);
    }

    @Override
    public CpuLoad finish(AnalysisContext context) {
        return new CpuLoad(
                jvmUser.stats(),
                jvmSystem.stats(),
                jvmTotal.stats(),
                machine.stats(),
                context.settings().setting(CPU_LOAD, "period"),
                context.settings().whyMissing(CPU_LOAD));
    }

    /**
     * CPU load in percent of all the machine's CPUs (100 % = every core busy).
     *
     * @param jvmUser the JVM's user-mode CPU
     * @param jvmSystem the JVM's kernel-mode CPU
     * @param jvmTotal user + system, per sample
     * @param machineTotal the whole machine, all processes
     * @param period the sampling period setting, e.g. "1000 ms"; null when unknown
     * @param whyMissing why there are no samples, should there be none
     */
    public record CpuLoad(
            DoubleStats jvmUser,
            DoubleStats jvmSystem,
            DoubleStats jvmTotal,
            DoubleStats machineTotal,
            String period,
            String whyMissing)
            implements ReportSection {

        @Override
        public String key() {
            return "cpu";
        }

        @Override
        public String title() {
            return "CPU (jdk.CPULoad)";
        }

        @Override
        public void writeTo(SectionWriter out) {
            if (jvmUser.count() == 0) {
                out.missing("samples", "samples", whyMissing);
                return;
            }
            out.count("samples", "samples", jvmUser.count());
            out.percent("jvmUserMeanPercent", "JVM user, mean", jvmUser.mean());
            out.percent("jvmUserMaxPercent", "JVM user, max", jvmUser.max());
            out.percent("jvmSystemMeanPercent", "JVM system, mean", jvmSystem.mean());
            out.percent("jvmSystemMaxPercent", "JVM system, max", jvmSystem.max());
            out.percent("jvmTotalMeanPercent", "JVM user+system, mean", jvmTotal.mean());
            out.percent("jvmTotalMaxPercent", "JVM user+system, max", jvmTotal.max());
            out.percent("machineTotalMeanPercent", "machine total, mean", machineTotal.mean());
            out.percent("machineTotalMaxPercent", "machine total, max", machineTotal.max());
            out.note("Percent of all the machine's CPUs (100 % = every core busy), sampled every "
                    + (period != null ? period : "period (unknown)") + "; a mean is over samples.");
        }
    }
}
