package vn.ledger.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The files of a bag, zipped (one top directory, as zipped bags are) or unpacked, by path inside the bag. */
abstract class BagFiles implements AutoCloseable {

    static BagFiles open(Path bundle) throws IOException {
        return Files.isDirectory(bundle) ? new Directory(bundle) : new Zip(bundle);
    }

    abstract List<String> paths();

    abstract InputStream open(String path) throws IOException;

    boolean exists(String path) {
        return paths().contains(path);
    }

    @Override
    public void close() throws IOException {
    }

    private static final class Zip extends BagFiles {
        private final ZipFile zip;
        private final Map<String, ZipEntry> entries = new LinkedHashMap<>();

        Zip(Path file) throws IOException {
            this.zip = new ZipFile(file.toFile());
            List<ZipEntry> all = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory()) {
                    all.add(entry);
                }
            }
            // strip the one top directory when every entry has it
            String top = all.isEmpty() || !all.get(0).getName().contains("/") ? ""
                    : all.get(0).getName().substring(0, all.get(0).getName().indexOf('/') + 1);
            boolean shared = !top.isEmpty() && all.stream().allMatch(x -> x.getName().startsWith(top));
            for (ZipEntry entry : all) {
                entries.put(shared ? entry.getName().substring(top.length()) : entry.getName(), entry);
            }
        }

        @Override
        List<String> paths() {
            return List.copyOf(entries.keySet());
        }

        @Override
        InputStream open(String path) throws IOException {
            ZipEntry entry = entries.get(path);
            if (entry == null) {
                throw new java.io.FileNotFoundException(path);
            }
            return zip.getInputStream(entry);
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    private static final class Directory extends BagFiles {
        private final Path root;
        private final List<String> paths;

        Directory(Path root) throws IOException {
            this.root = root;
            try (Stream<Path> walk = Files.walk(root)) {
                this.paths = walk.filter(Files::isRegularFile)
                        .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
            }
        }

        @Override
        List<String> paths() {
            return paths;
        }

        @Override
        InputStream open(String path) throws IOException {
            return Files.newInputStream(root.resolve(path));
        }
    }
}
