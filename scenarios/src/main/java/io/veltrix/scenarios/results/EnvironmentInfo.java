package io.veltrix.scenarios.results;

/**
 * Where a bench ran.
 *
 * @param jdkVendor {@code java.vendor}
 * @param jdkVersion {@code java.runtime.version}
 * @param vmName {@code java.vm.name}
 * @param cpus available processors
 * @param maxHeapBytes the JVM's maximum heap
 * @param os {@code os.name}
 * @param osVersion {@code os.version}
 * @param arch {@code os.arch}
 * @param hostname the host's name, or null when unknown
 * @param veltrixVersion the Veltrix version, or null when unknown
 * @param gitCommit {@code git rev-parse HEAD} in the scenario file's directory, or null outside a git work tree
 */
public record EnvironmentInfo(
        String jdkVendor,
        String jdkVersion,
        String vmName,
        int cpus,
        long maxHeapBytes,
        String os,
        String osVersion,
        String arch,
        String hostname,
        String veltrixVersion,
        String gitCommit) {}
