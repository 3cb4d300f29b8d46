package org.ngms.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The output of a child process (the packaged jar), read line by line into a list as it runs. */
public final class ProcessOutput {

    private ProcessOutput() {
    }

    /** Starts a daemon thread that appends each line {@code process} prints to {@code lines} until it ends. */
    public static void collect(Process process, List<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException ended) {
                // the process ended (its output stream closes under the reader: Stream closed)
            }
        }, "process-output");
        reader.setDaemon(true);
        reader.start();
    }
}
