/**
 * A bench on the console: the live progress line ({@link io.veltrix.scenarios.console.ConsoleProgress}), and at
 * the end the comparison table, the verdict and where the files went ({@link
 * io.veltrix.scenarios.console.FinalReport}). The CLI only prints these lines.
 */
package io.veltrix.scenarios.console;
