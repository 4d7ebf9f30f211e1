package dev.mynasim.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the MynaSim checkout is: the launcher passes {@code -Dmynasim.home}; else the working directory. */
final class ProjectHome {

    private ProjectHome() {
    }

    static Path get() {
        String home = System.getProperty("mynasim.home");
        return Path.of(home == null ? "." : home).toAbsolutePath().normalize();
    }

    static Path features() {
        return get().resolve("features");
    }

    static Path personas() {
        Path dir = get().resolve("fixtures").resolve("personas");
        return Files.isDirectory(dir) ? dir : null;
    }
}
