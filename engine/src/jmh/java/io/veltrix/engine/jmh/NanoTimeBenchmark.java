package io.veltrix.engine.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/**
 * A diagnostic, not a hand-off: what one {@link System#nanoTime()} costs on this machine (it depends on the
 * clock source: a VM's {@code kvm-clock} is slower than a bare-metal TSC). The engine reads it once per submit and
 * once per handled event when it times every event (see {@code EngineConfig.Builder.latencySampling}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class NanoTimeBenchmark {
    @Benchmark
    public long nanoTime() {
        return System.nanoTime();
    }
}
