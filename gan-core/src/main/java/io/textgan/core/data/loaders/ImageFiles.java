package io.textgan.core.data.loaders;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finding image files: the file name endings of every ImageIO reader registered now, and walks over folders. */
final class ImageFiles {
    private final Set<String> suffixes = Arrays.stream(ImageIO.getReaderFileSuffixes())
            .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    boolean isImage(Path file) {
        return suffixes.contains(extension(file));
    }

    /** The regular files under {@code root} (links followed), hidden files and folders left out, sorted by path. */
    static List<Path> walk(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(Files::isRegularFile).filter(p -> !hidden(root.relativize(p))).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            throw new IOException("cannot list the files under " + root + ": "
                    + (cause instanceof AccessDeniedException ? "permission denied at " : "") + cause.getMessage(), cause);
        }
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
