package org.ngms.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes the embedded PostgreSQL's data directory ready to start on after the service ended without stopping its
 * server (kill -9, the OOM killer). The server runs as its own process (started by {@code pg_ctl}), so it outlives a
 * killed JVM and keeps holding the data directory through {@code postmaster.pid}; a new server on the same
 * directory then refuses to start, and the service would give up. What is done:
 * <ul>
 *   <li>Another live service using the directory holds zonky's {@code epg-lock} (an operating-system file lock, which
 *       the kernel releases when its process dies): then nothing is touched and the start is refused.</li>
 *   <li>{@code postmaster.pid} names a live process that is the PostgreSQL server of this very directory (its
 *       executable is {@code postgres} and its {@code -D} argument is this directory): it is an orphan and is stopped
 *       as {@code pg_ctl stop -m fast} would (SIGINT: open transactions roll back, everything committed is kept),
 *       waiting a bounded time for it to exit.</li>
 *   <li>{@code postmaster.pid} names a process that is gone, or a process that is something else (its number was
 *       reused): the file is stale and is removed. That other process is never signalled.</li>
 * </ul>
 * The {@code epg-lock} file itself is left in place: a leftover file holds no lock, and deleting lock files races with
 * a second service opening the same file.
 */
final class OrphanedPostmaster {

    static final String PID_FILE = "postmaster.pid";
    static final String LOCK_FILE = "epg-lock";

    private OrphanedPostmaster() {
    }

    /**
     * Clears {@code dataDirectory} of a server or files left by an earlier service, and returns what was done, one
     * sentence per action (empty when there was nothing to do).
     *
     * @throws IllegalStateException if another running service uses the directory, or an orphaned server did not
     *                               stop within {@code stopTimeout}, or the process in {@code postmaster.pid} cannot
     *                               be identified
     */
    static List<String> clear(Path dataDirectory, Duration stopTimeout) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            // no server ran, or the last one stopped cleanly (it removes its pid file): nothing to take over
            return List.of();
        }
        Path lockFile = dataDirectory.resolve(LOCK_FILE);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new IllegalStateException("the embedded PostgreSQL data directory " + dataDirectory
                        + " is in use by another running service (it holds " + lockFile + "); stop that service or"
                        + " set ngms.embedded-db.data-dir to another directory");
            }
            // while we hold the lock no other service can start a server here; zonky takes the lock after us
            return clearPidFile(pidFile, dataDirectory, stopTimeout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the embedded PostgreSQL data directory " + dataDirectory, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldByThisJvm) {
            return null;
        }
    }

    private static List<String> clearPidFile(Path pidFile, Path dataDirectory, Duration stopTimeout)
            throws IOException {
        Optional<Long> recorded = recordedPid(pidFile);
        if (recorded.isEmpty()) {
            Files.deleteIfExists(pidFile);
            return List.of("removed " + pidFile + ", which names no process (left by a server that crashed while"
                    + " starting)");
        }
        long pid = recorded.get();
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            Files.deleteIfExists(pidFile);
            return List.of("removed " + pidFile + " of PostgreSQL process " + pid + ", which is no longer running");
        }
        switch (identify(process.get(), dataDirectory)) {
            case OUR_POSTMASTER -> {
                stop(process.get(), dataDirectory, stopTimeout);
                // a server that shut down cleanly removed its pid file; one that did not leaves a stale file
                Files.deleteIfExists(pidFile);
                return List.of("stopped the server (process " + pid + ") left running on "
                        + dataDirectory + " by a service that ended without stopping it");
            }
            case OTHER_PROCESS -> {
                Files.deleteIfExists(pidFile);
                return List.of("removed the stale " + pidFile + ": its process number " + pid
                        + " now belongs to another program, which was left alone");
            }
            default -> throw new IllegalStateException("process " + pid + " named in " + pidFile
                    + " is running but cannot be identified (another user's process?); if it is not the PostgreSQL"
                    + " server of " + dataDirectory + ", delete " + pidFile + " and start again");
        }
    }

    /** The first line of {@code postmaster.pid} is the server's process id. */
    private static Optional<Long> recordedPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).strip());
            return pid > 0 ? Optional.of(pid) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    enum Identity { OUR_POSTMASTER, OTHER_PROCESS, UNKNOWN }

    /**
     * Whether {@code process} is the PostgreSQL server of {@code dataDirectory}: its executable is {@code postgres}
     * and its arguments hold {@code -D <dataDirectory>}, as {@code pg_ctl} starts it. The pid file's own record of the
     * directory is not enough: after a reboot its process number may belong to anything.
     */
    static Identity identify(ProcessHandle process, Path dataDirectory) {
        ProcessHandle.Info info = process.info();
        Optional<String> command = info.command();
        Optional<String[]> arguments = info.arguments();
        if (command.isEmpty() || arguments.isEmpty()) {
            return Identity.UNKNOWN;
        }
        String executable = Path.of(command.get()).getFileName().toString();
        if (!executable.equals("postgres") && !executable.equals("postgres.exe")) {
            return Identity.OTHER_PROCESS;
        }
        String[] args = arguments.get();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("-D") && sameDirectory(args[i + 1], dataDirectory)) {
                return Identity.OUR_POSTMASTER;
            }
        }
        return Identity.OTHER_PROCESS;
    }

    private static boolean sameDirectory(String argument, Path dataDirectory) {
        try {
            return Files.isSameFile(Path.of(argument), dataDirectory);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A fast shutdown: SIGINT, what {@code pg_ctl stop -m fast} sends (the server rolls back open transactions,
     * writes a checkpoint and exits). Java can send only SIGTERM itself, a "smart" shutdown that would wait for
     * every client to leave, so {@code kill -INT} is used where it exists, SIGTERM otherwise.
     */
    private static void stop(ProcessHandle postmaster, Path dataDirectory, Duration timeout) {
        if (!sendInterrupt(postmaster.pid())) {
            postmaster.destroy();
        }
        try {
            postmaster.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the PostgreSQL server (process " + postmaster.pid() + ") left running on "
                    + dataDirectory + " did not stop within " + timeout.toSeconds() + " s; stop it (pg_ctl stop -D "
                    + dataDirectory + " -m fast) and start the service again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the PostgreSQL server left on "
                    + dataDirectory, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static boolean sendInterrupt(long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
