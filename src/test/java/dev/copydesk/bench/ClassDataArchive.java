package dev.copydesk.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The service started as the Docker image starts it: with a class-data-sharing archive made by one
 * training run (docs/operations.md, "Faster start-up"). The JVM archives classes from jars only, so
 * the class path's directories ({@code target/classes}, {@code target/test-classes}) are packed into
 * one jar first, in class-path order (the first copy of a name wins, as it does on the class path).
 *
 * @param classPath the class path to start the service with (the packed jar, then the library jars)
 * @param jvmArgs   the options that map the archive
 * @param training  how long the training run took: a start without an archive to a refreshed context, then writing it
 */
record ClassDataArchive(String classPath, List<String> jvmArgs, Duration training) {

    /**
     * Packs the class path's directories into {@code dir/app.jar} and runs the application once with
     * {@code serviceArgs} and a throwaway data directory, exiting once its context is refreshed.
     */
    static ClassDataArchive make(Path dir, String heap, List<String> serviceArgs) throws Exception {
        Files.createDirectories(dir);
        Path jar = dir.resolve("app.jar");
        List<String> entries = new ArrayList<>();
        List<Path> directories = new ArrayList<>();
        for (String entry : ServiceProcess.classPath().split(File.pathSeparator)) {
            if (Files.isDirectory(Path.of(entry))) {
                directories.add(Path.of(entry));
            } else {
                entries.add(entry);
            }
        }
        pack(directories, jar);
        entries.add(0, jar.toString());
        String classPath = String.join(File.pathSeparator, entries);

        Path archive = dir.resolve("copydesk.jsa");
        List<String> command = ServiceProcess.command(classPath, heap, List.of("-XX:ArchiveClassesAtExit=" + archive,
                "-Xlog:cds=error", "-Xlog:cds+dynamic=error", "-Dspring.context.exit=onRefresh"),
                0, dir.resolve("training"), serviceArgs);
        Path log = dir.resolve("training.log");
        long t0 = System.nanoTime();
        Process training = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!training.waitFor(Long.getLong("bench.startup.seconds", 300), TimeUnit.SECONDS)) {
            training.destroyForcibly();
            throw new IllegalStateException("The class-data training run did not end in time; see " + log);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        if (training.exitValue() != 0 || !Files.isRegularFile(archive)) {
            throw new IllegalStateException("The class-data training run failed (exit " + training.exitValue()
                    + "); see " + log);
        }
        // -Xshare:auto: an archive the JVM cannot use costs the saving, never the start.
        return new ClassDataArchive(classPath, List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"), took);
    }

    private static void pack(List<Path> directories, Path jar) throws IOException {
        Set<String> names = new HashSet<>();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Path directory : directories) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(directory)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path path : files) {
                    String name = directory.relativize(path).toString().replace(File.separatorChar, '/');
                    // Directory entries too: Spring's package scan asks the class loader for them.
                    for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                        String parent = name.substring(0, slash + 1);
                        if (names.add(parent)) {
                            out.putNextEntry(new JarEntry(parent));
                            out.closeEntry();
                        }
                    }
                    if (names.add(name)) {
                        out.putNextEntry(new JarEntry(name));
                        Files.copy(path, out);
                        out.closeEntry();
                    }
                }
            }
        }
    }
}
