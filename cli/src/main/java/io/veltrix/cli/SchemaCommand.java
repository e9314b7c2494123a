package io.veltrix.cli;

import io.veltrix.scenarios.parse.ScenarioSchema;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code veltrix schema}: prints the JSON Schema of scenario files, for editors. */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the JSON Schema (draft 2020-12) of scenario files.",
            "Save it and point your editor's YAML support at it, e.g. with a first line"
                    + " '# yaml-language-server: $schema=veltrix-scenario.schema.json'."
        })
public final class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String schema = ScenarioSchema.text();
        out.print(schema.endsWith("\n") ? schema : schema + "\n");
        out.flush();
        return ExitCode.OK;
    }
}
