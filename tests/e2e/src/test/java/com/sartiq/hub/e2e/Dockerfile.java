package com.sartiq.hub.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a deployment Dockerfile the image test replays: the builder stage's COPY of the jar
 * and its RUN (the layered-jar extract), the final stage's COPY --from=builder layers, ENV, WORKDIR
 * and ENTRYPOINT. Only the instruction forms our Dockerfiles use are understood.
 */
record Dockerfile(String builderWorkdir, String jarSource, String jarName, List<String> extract,
                  List<String[]> layers, Map<String, String> env, String workdir, List<String> entrypoint) {

    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");

    static Dockerfile parse(Path file) throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            instructions.add(current.append(line).toString().strip());
            current.setLength(0);
        }
        int stage = 0;
        String builderWorkdir = "/", workdir = "/", jarSource = null, jarName = null;
        List<String> extract = null, entrypoint = null;
        List<String[]> layers = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        for (String instruction : instructions) {
            String[] parts = instruction.split("\\s+", 2);
            String op = parts[0].toUpperCase();
            String args = parts.length > 1 ? parts[1] : "";
            if (op.equals("FROM")) {
                stage++;
            } else if (op.equals("WORKDIR")) {
                if (stage == 1) {
                    builderWorkdir = args;
                } else {
                    workdir = args;
                }
            } else if (stage == 1 && op.equals("COPY")) {
                String[] paths = args.split("\\s+");
                jarSource = paths[0];
                jarName = paths[1];
            } else if (stage == 1 && op.equals("RUN")) {
                extract = List.of(args.split("\\s+"));
            } else if (stage == 2 && op.equals("COPY") && args.startsWith("--from=builder ")) {
                String[] paths = args.substring("--from=builder ".length()).split("\\s+");
                layers.add(paths);
            } else if (stage == 2 && op.equals("ENV")) {
                Matcher m = ENV_PAIR.matcher(args);
                while (m.find()) {
                    env.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
                }
            } else if (stage == 2 && op.equals("ENTRYPOINT")) {
                entrypoint = new ObjectMapper().readValue(args, new TypeReference<List<String>>() { });
            }
        }
        if (jarSource == null || extract == null || layers.isEmpty() || entrypoint == null) {
            throw new IllegalStateException(file + " lacks the builder COPY/RUN, the layer COPYs or the ENTRYPOINT");
        }
        return new Dockerfile(builderWorkdir, jarSource, jarName, extract, layers, env, workdir, entrypoint);
    }
}
