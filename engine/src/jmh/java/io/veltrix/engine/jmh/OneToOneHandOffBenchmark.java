package io.veltrix.engine.jmh;

import org.openjdk.jmh.annotations.Threads;

/** One producer thread, one consumer thread. See {@link HandOffBenchmark}. */
@Threads(1)
public class OneToOneHandOffBenchmark extends HandOffBenchmark {
    @Override
    int producers() {
        return 1;
    }

    @Override
    int workers() {
        return 1;
    }
}
