package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.backend.auth.AuthRoutes;
import com.sartiq.hub.backend.tenancy.Scope;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RequestValidationException;
import com.sartiq.hub.common.rest.RestErrorHandling;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prompt building without generating: {@code create-for-generation} answers the prompt a
 * {@code GenerationCreate} would be generated with ({@link PromptBuilder}, catalog descriptions filled in
 * from the ids or slugs it names); {@code create-editing-prompt} an editing instruction that dresses the
 * picture in the named products. Deterministic: no LLM is asked.
 */
@Component
public class PromptRoutes extends RouteBuilder {

    private final JsonRequestReader reader;
    private final JsonResponses json;
    private final ObjectMapper mapper;

    public PromptRoutes(JsonRequestReader reader, JsonResponses json, ObjectMapper mapper) {
        this.reader = reader;
        this.json = json;
        this.mapper = mapper;
    }

    @Override
    public void configure() {
        rest("/prompts").tag("prompts")
            .post("/create-for-generation").id("rest.prompts.create-for-generation")
                .description("The prompt a GenerationCreate would be generated with: the caller's prompt, or one built from the named "
                        + "subject, products, style, shot type and pose preset (descriptions from the catalog) and the scene fields")
                .consumes("application/json").produces("application/json").type(GenerationCreate.class)
                .param().name("organization_id").type(RestParamType.query).required(false).description("Organization (else personal)").endParam()
                .responseMessage().code(200).message("{prompt, negative_prompt, subject_description, product_description, shot_type_id}").endResponseMessage()
                .responseMessage().code(422).message("Validation error (an input the caller cannot use included)").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:prompts.create-for-generation")
            .post("/create-editing-prompt").id("rest.prompts.create-editing-prompt")
                .description("An editing prompt: dress the picture in the named products (product_id|product_slug, "
                        + "product2_id|product2_slug), following the optional instruction and extra_prompt")
                .consumes("application/json").produces("application/json")
                .param().name("organization_id").type(RestParamType.query).required(false).description("Organization (else personal)").endParam()
                .responseMessage().code(200).message("{prompt}").endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:prompts.create-editing-prompt");

        from("direct:prompts.create-for-generation").routeId("prompts.create-for-generation").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> readRequest(e, null))
            .to("sql:classpath:sql/backend/generation-references.sql?outputType=SelectOne")
            .process(this::generationPrompt)
            .process(json.ok());

        from("direct:prompts.create-editing-prompt").routeId("prompts.create-editing-prompt").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> readRequest(e, "instruction"))
            .to("sql:classpath:sql/backend/generation-references.sql?outputType=SelectOne")
            .process(this::editingPrompt)
            .process(json.ok());
    }

    private void readRequest(Exchange exchange, String instructionField) {
        ObjectNode raw = reader.readObject(exchange.getMessage().getBody(String.class));
        GenerationCreate request = reader.read(raw, GenerationCreate.class);
        request.checkCombinations();
        if (instructionField != null) {
            var node = raw.get(instructionField);
            if (node != null && !node.isNull() && !node.isTextual()) {
                throw new RequestValidationException(FieldError.body(instructionField, "Input should be a valid string", "string_type"));
            }
            String instruction = node == null || node.isNull() ? null : node.asText();
            if (instruction != null && instruction.length() > 4000) {
                throw new RequestValidationException(FieldError.body(instructionField, "String should have at most 4000 characters", "string_too_long"));
            }
            exchange.setProperty("instruction", instruction);
        }
        exchange.setProperty("request", request);
        exchange.getMessage().setBody(CatalogInputs.params(request, exchange.getProperty(Scope.PROPERTY, Scope.class).params()));
    }

    @SuppressWarnings("unchecked")
    private void generationPrompt(Exchange exchange) {
        GenerationCreate request = exchange.getProperty("request", GenerationCreate.class);
        CatalogInputs inputs = CatalogInputs.of(exchange.getMessage().getBody(Map.class), request, mapper);
        String prompt = PromptBuilder.forGeneration(request, inputs);
        if (prompt == null) {
            throw new RequestValidationException(FieldError.body("prompt",
                    "Field required: give a prompt, or a subject or product to build it from", "missing"));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("prompt", prompt);
        answer.put("negative_prompt", request.negativePrompt());
        answer.put("subject_description", request.subjectDescription() != null ? request.subjectDescription()
                : inputs.subject() == null ? null : inputs.subject().description());
        answer.put("product_description", request.productDescription() != null ? request.productDescription()
                : inputs.product() == null ? null : inputs.product().description());
        answer.put("shot_type_id", inputs.shotType() == null ? null : inputs.shotType().id());
        exchange.getMessage().setBody(answer);
    }

    @SuppressWarnings("unchecked")
    private void editingPrompt(Exchange exchange) {
        GenerationCreate request = exchange.getProperty("request", GenerationCreate.class);
        CatalogInputs inputs = CatalogInputs.of(exchange.getMessage().getBody(Map.class), request, mapper);
        String instruction = exchange.getProperty("instruction", String.class);
        if (inputs.product() == null && inputs.product2() == null && (instruction == null || instruction.isBlank())) {
            throw new RequestValidationException(FieldError.body("instruction",
                    "Field required: give an instruction, or a product to dress the picture in", "missing"));
        }
        exchange.getMessage().setBody(Map.of("prompt", PromptBuilder.forEditing(instruction, inputs, request.extraPrompt())));
    }
}
