package io.veltrix.cli;

import io.veltrix.scenarios.parse.StarterScenario;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veltrix init [NAME]}: writes a commented starter scenario, never over an existing file. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a commented starter scenario to NAME.yaml (default: scenario.yaml) that validates as it is.",
            "Never overwrites a file: exits 2 if it exists."
        })
public final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "0..1",
            paramLabel = "NAME",
            defaultValue = StarterScenario.DEFAULT_NAME,
            description = "Scenario name, or a path to write (NAME.yaml is added unless it ends in .yaml).")
    String name;

    @Override
    public Integer call() {
        Path file = StarterScenario.fileFor(name);
        try {
            Path written = StarterScenario.write(name);
            spec.commandLine().getOut().println("wrote " + written + "; check it with: veltrix validate " + written);
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        } catch (FileAlreadyExistsException e) {
            return fail(file + " already exists; not overwriting it (choose another NAME, or move the file away)");
        } catch (NoSuchFileException e) {
            return fail("cannot write " + file + ": no such directory");
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        } catch (IOException e) {
            return fail("cannot write " + file + ": " + e.getMessage());
        }
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("veltrix init: " + message);
        spec.commandLine().getErr().flush();
        return ExitCode.BAD_INPUT;
    }
}
