package io.veltrix.reports.jfr;

/** Run in a child JVM by {@link ConcurrentCollectorTest}: allocates and asks for a few collections. */
final class ZgcWorkload {

    static volatile Object sink;

    private ZgcWorkload() {}

    public static void main(String[] args) {
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 100_000; i++) {
                sink = new byte[1024];
            }
            System.gc();
        }
    }
}
