package org.olelo.container.boot;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads a {@code .properties} file (UTF-8) into {@link Setting}s that remember the line of their
 * key. Each logical line (a physical line and the lines a trailing backslash joins to it) is handed
 * to {@link Properties#load(java.io.Reader)} on its own, so escapes and separators follow the
 * {@code Properties} rules exactly while the line number is kept.
 */
final class PropertiesFileReader {

    private PropertiesFileReader() {
    }

    /**
     * @param file the file to read
     * @return its entries in file order (a key given twice appears twice)
     * @throws ConfigException when the file cannot be read or is not UTF-8
     */
    static List<Setting> read(Path file) throws ConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ConfigException(file.toString(), file, 0, null, "expected a UTF-8 text file");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), file, 0, null, "cannot be read: " + e);
        }
        List<Setting> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String first = lines.get(i).stripLeading();
            if (first.isEmpty() || first.startsWith("#") || first.startsWith("!")) {
                continue;
            }
            int keyLine = i + 1;
            StringBuilder logical = new StringBuilder(lines.get(i));
            while (endsWithOddBackslashes(lines.get(i)) && i + 1 < lines.size()) {
                i++;
                logical.append('\n').append(lines.get(i));
            }
            Properties p = new Properties();
            try {
                p.load(new StringReader(logical.toString()));
            } catch (IllegalArgumentException | IOException e) {
                throw new ConfigException(file + ":" + keyLine, file, keyLine, null,
                        "expected key=value with valid escapes: " + e.getMessage());
            }
            for (String key : p.stringPropertyNames()) {
                out.add(Setting.fromFile(key, p.getProperty(key), file, keyLine));
            }
        }
        return out;
    }

    private static boolean endsWithOddBackslashes(String s) {
        int n = 0;
        for (int k = s.length() - 1; k >= 0 && s.charAt(k) == '\\'; k--) {
            n++;
        }
        return n % 2 == 1;
    }
}
