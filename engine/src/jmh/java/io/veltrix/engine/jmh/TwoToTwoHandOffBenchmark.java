package io.veltrix.engine.jmh;

import org.openjdk.jmh.annotations.Threads;

/**
 * Two producer threads, two consumer threads: four busy threads on what may be a 2-core machine, which is the
 * point (how each hand-off behaves when threads outnumber cores). See {@link HandOffBenchmark}.
 */
@Threads(2)
public class TwoToTwoHandOffBenchmark extends HandOffBenchmark {
    @Override
    int producers() {
        return 2;
    }

    @Override
    int workers() {
        return 2;
    }
}
