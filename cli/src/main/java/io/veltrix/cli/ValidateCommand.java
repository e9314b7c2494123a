package io.veltrix.cli;

import io.veltrix.scenarios.load.ScenarioSummary;
import io.veltrix.scenarios.parse.ParseResult;
import io.veltrix.scenarios.parse.ScenarioParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veltrix validate FILE...}: checks scenario files and prints a summary, or every problem at once. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks scenario files without running them.",
            "Prints 'ok: NAME: N event types, M strategies, schedule of ~K events' for a valid file, otherwise every"
                    + " problem as FILE:LINE:COLUMN: error: MESSAGE. Exits 2 if any file has a problem."
        })
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (YAML).")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = ExitCode.OK;
        for (Path file : files) {
            ParseResult result = ScenarioParser.read(file);
            if (result.isValid()) {
                out.println(ScenarioSummary.oneLine(result.scenario().orElseThrow()));
            } else {
                err.println(result.formattedProblems());
                exit = ExitCode.BAD_INPUT;
            }
        }
        out.flush();
        err.flush();
        return exit;
    }
}
