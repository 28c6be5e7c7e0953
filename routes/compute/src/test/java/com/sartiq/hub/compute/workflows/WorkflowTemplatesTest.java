package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkflowTemplatesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyYamlFileIsATemplateNamedAfterIt() throws Exception {
        Files.writeString(dir.resolve("refine-only.yaml"), """
                description: Upscale an image
                inputs: [image_url]
                defaults: {factor: 2}
                steps:
                  - id: refine
                    task_type: REFINE
                    config: {image_url: "{{ $input.image_url }}", upscale_factor: "{{ $input.factor }}"}
                """);
        Files.writeString(dir.resolve("notes.txt"), "not a template");
        WorkflowTemplates templates = WorkflowTemplates.load(dir.toString(), WorkflowRequestReaderTest.STEPS, MAPPER);
        WorkflowTemplates.Template template = templates.get("refine-only").orElseThrow();
        assertEquals("refine-only", template.title(), "without a name the file name is the workflow's name");
        assertEquals(List.of("image_url"), template.inputs());
        assertEquals(2, template.defaults().get("factor").asInt());
        assertEquals("fail_fast", template.failurePolicy());
        assertEquals(1, templates.all().size());
    }

    @Test
    void aMissingDirectoryLeavesThePackagedTemplatesOnly() {
        assertTrue(WorkflowTemplates.load(dir.resolve("absent").toString(), WorkflowRequestReaderTest.STEPS, MAPPER).all().isEmpty());
    }

    @Test
    void anInvalidTemplateStopsTheLoadNamingFileStepAndField() throws Exception {
        Files.writeString(dir.resolve("broken.yaml"), """
                name: Broken
                inputs: [prompt]
                steps:
                  - id: generate
                    task_type: GENERATION
                    config: {prompt: "{{ $input.prompt }}", width: 99999}
                  - id: refine
                    task_type: REFINE
                    depends_on: [generate]
                    when: "evaluate.json.score < 7"
                    config: {image_url: "{{ generate.images.0.url }}", strength: "{{ $input.strength }}"}
                """);
        String message = assertThrows(IllegalStateException.class,
                () -> WorkflowTemplates.load(dir.toString(), WorkflowRequestReaderTest.STEPS, MAPPER)).getMessage();
        assertTrue(message.contains("broken.yaml"), message);
        assertTrue(message.contains("step 'generate' (steps[0]) config.width"), message);
        assertTrue(message.contains("step 'refine' (steps[1]) config.strength: Step 'refine': workflow input 'strength' is not given"), message);
        assertTrue(message.contains("step 'refine' (steps[1]) when: Step 'refine': condition evaluate.json.score reads step 'evaluate'"), message);
    }

    @Test
    void badYamlAndUnknownFieldsAreRefused() throws Exception {
        Files.writeString(dir.resolve("typo.yaml"), "name: T\nstep: []\n");
        String typo = assertThrows(IllegalStateException.class,
                () -> WorkflowTemplates.load(dir.toString(), WorkflowRequestReaderTest.STEPS, MAPPER)).getMessage();
        assertTrue(typo.contains("typo.yaml") && typo.contains("unknown field 'step'"), typo);
        Files.delete(dir.resolve("typo.yaml"));
        Files.writeString(dir.resolve("garbled.yaml"), "steps: [\n  - id: x\n");
        String garbled = assertThrows(IllegalStateException.class,
                () -> WorkflowTemplates.load(dir.toString(), WorkflowRequestReaderTest.STEPS, MAPPER)).getMessage();
        assertTrue(garbled.contains("garbled.yaml is invalid: not valid YAML"), garbled);
    }
}
