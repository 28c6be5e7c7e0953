package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.common.rest.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The named pipelines a workflow can be created from ({@code {"template": "<name>", "inputs": {...}}}): one
 * YAML file per template, {@code <name>.yaml}, shaped like a create body ({@code name}, {@code description},
 * {@code failure_policy}, {@code metadata}, {@code steps}) plus {@code inputs} (the names a caller must give)
 * and {@code defaults} (values of optional inputs). Read from the classpath ({@code workflows/}, the copies
 * packaged from {@code config/workflows/}) and then from {@code hub.workflows.templates-dir}, whose files
 * replace packaged ones of the same name. Every template is checked as a create request would be; one
 * invalid template stops the start, naming its file, step and field.
 */
public final class WorkflowTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowTemplates.class);
    private static final String PACKAGED = "classpath*:workflows/*.yaml";
    private static final Set<String> FIELDS = Set.of("name", "description", "failure_policy", "inputs", "defaults", "metadata", "steps");

    /**
     * One template.
     *
     * @param name     its file name without {@code .yaml}: what a create request names
     * @param title    the {@code name} workflows created from it get unless the request gives one
     * @param inputs   inputs a request must give
     * @param defaults optional inputs and their values
     * @param source   where it was read from (for messages)
     */
    public record Template(String name, String title, String description, String failurePolicy, List<String> inputs, ObjectNode defaults,
                           ObjectNode metadata, ArrayNode steps, String source) {
    }

    private final Map<String, Template> templates;

    private WorkflowTemplates(Map<String, Template> templates) {
        this.templates = templates;
    }

    /** Loads and checks every template; throws {@link IllegalStateException} naming the file of the first invalid one. */
    static WorkflowTemplates load(String directory, WorkflowSteps steps, ObjectMapper mapper) {
        Map<String, Template> templates = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(PACKAGED)) {
                Template template = read(resource, "classpath:workflows/" + resource.getFilename(), steps, mapper);
                templates.put(template.name(), template);
            }
            Path dir = directory == null || directory.isBlank() ? null : Path.of(directory);
            if (dir != null && Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                        Template template = read(new FileSystemResource(file), file.toString(), steps, mapper);
                        templates.put(template.name(), template);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Workflow templates could not be read: " + e.getMessage(), e);
        }
        LOG.info("Workflow templates: {}", templates.values().stream().map(t -> t.name() + " (" + t.source() + ")").toList());
        return new WorkflowTemplates(templates);
    }

    Optional<Template> get(String name) {
        return Optional.ofNullable(templates.get(name));
    }

    List<Template> all() {
        return List.copyOf(templates.values());
    }

    static Template read(Resource resource, String source, WorkflowSteps steps, ObjectMapper mapper) throws IOException {
        String file = resource.getFilename() == null ? source : resource.getFilename();
        String name = file.substring(0, file.length() - ".yaml".length());
        Object yaml;
        try (InputStream in = resource.getInputStream()) {
            yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw invalid(source, "not valid YAML: " + e.getMessage());
        }
        if (!(yaml instanceof Map<?, ?>)) {
            throw invalid(source, "the file should hold a mapping (name, description, failure_policy, inputs, defaults, steps)");
        }
        JsonNode json = mapper.valueToTree(yaml);
        List<String> problems = new ArrayList<>();
        json.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                problems.add("unknown field '" + field + "' (a template has " + FIELDS.stream().sorted().toList() + ")");
            }
        });
        String title = text(json, "name", name, problems);
        String description = text(json, "description", null, problems);
        String policy = text(json, "failure_policy", "fail_fast", problems);
        if (!WorkflowRequestReader.POLICIES.contains(policy)) {
            problems.add("failure_policy should be 'fail_fast' or 'continue'");
        }
        List<String> inputs = new ArrayList<>();
        JsonNode declared = json.path("inputs");
        if (declared.isArray()) {
            declared.forEach(i -> {
                if (i.isTextual() && !i.asText().isBlank()) {
                    inputs.add(i.asText());
                } else {
                    problems.add("inputs should list input names, found " + i);
                }
            });
        } else if (!declared.isMissingNode() && !declared.isNull()) {
            problems.add("inputs should be a list of input names");
        }
        ObjectNode defaults = object(json, "defaults", problems, mapper);
        ObjectNode metadata = object(json, "metadata", problems, mapper);
        inputs.stream().filter(defaults::has).forEach(i -> problems.add("input '" + i + "' is both required (inputs) and optional (defaults)"));
        if (problems.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            steps.read(json.path("steps"), new WorkflowSteps.Inputs(defaults, new LinkedHashSet<>(inputs)), errors);
            errors.forEach(e -> problems.add(describe(e, json.path("steps"))));
        }
        if (!problems.isEmpty()) {
            throw invalid(source, String.join("; ", problems));
        }
        return new Template(name, title, description, policy, List.copyOf(inputs), defaults, metadata, (ArrayNode) json.get("steps"), source);
    }

    /** A step error as the template's author reads it: {@code step 'refine' (steps[1]) config.image_url: …}. */
    private static String describe(FieldError error, JsonNode steps) {
        List<Object> loc = error.loc().subList(Math.min(1, error.loc().size()), error.loc().size());
        if (loc.size() >= 2 && "steps".equals(loc.get(0)) && loc.get(1) instanceof Integer i) {
            String id = steps.path(i).path("id").asText("?");
            String field = loc.subList(2, loc.size()).stream().map(String::valueOf).collect(Collectors.joining("."));
            return "step '" + id + "' (steps[" + i + "])" + (field.isEmpty() ? "" : " " + field) + ": " + error.msg();
        }
        return loc.stream().map(String::valueOf).collect(Collectors.joining(".")) + ": " + error.msg();
    }

    private static String text(JsonNode json, String field, String fallback, List<String> problems) {
        JsonNode value = json.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(field + " should be a non-empty string");
            return fallback;
        }
        return value.asText();
    }

    private static ObjectNode object(JsonNode json, String field, List<String> problems, ObjectMapper mapper) {
        JsonNode value = json.path(field);
        if (value.isObject()) {
            return (ObjectNode) value;
        }
        if (!value.isMissingNode() && !value.isNull()) {
            problems.add(field + " should be a mapping");
        }
        return mapper.createObjectNode();
    }

    private static IllegalStateException invalid(String source, String problem) {
        return new IllegalStateException("Workflow template " + source + " is invalid: " + problem);
    }
}
