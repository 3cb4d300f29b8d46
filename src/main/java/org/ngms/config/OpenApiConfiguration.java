package org.ngms.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.ngms.web.ApiProblem;
import org.ngms.web.Problem;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI document's header. A relative server keeps the generated document the same on every host and port; the
 * bearer scheme documents how callers authenticate (which role each route needs is in docs/security.md).
 *
 * <p>Every route's problem responses: those a route declares with {@link ApiProblem}, the 400, 413 and 415 of every
 * route that reads a body, and those every route shares — 401 and 429 from authentication, 403 on a route that needs
 * a role (one without {@code security: []}), 500 — each an {@code application/problem+json} {@code Problem} whose
 * description names its codes (also listed as {@code x-problem-codes}).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String PROBLEM_SCHEMA = "Problem";
    static final String CODES = "x-problem-codes";
    /** A copy of scenarios/pk-5g-2026/directive.yaml (OpenApiExamplesTest keeps it equal). */
    static final String DIRECTIVE_EXAMPLE = "/openapi/directive-example.yaml";

    @Bean
    OpenAPI ngmsOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("NGMS spectrum auction engine")
                        .version("v1")
                        .description("Runs NGMS spectrum auctions for Pakistan, AJK and GB under a government policy "
                                + "directive. Errors are RFC 9457 problem documents (application/problem+json); each "
                                + "response lists the problem codes it can carry. Money is whole currency units "
                                + "(JSON integers), spectrum decimal MHz text, instants ISO-8601 UTC.")
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url("/")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API token issued by a regulator: Authorization: Bearer ngms_...")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** The problems a route declares, and those of reading its body. */
    @Bean
    OperationCustomizer ngmsRouteProblems() {
        return (operation, handler) -> {
            if (operation.getRequestBody() != null) {
                problem(operation, 400, List.of("malformed-request", "bad-request"),
                        "the body is not well-formed, has an unknown field or a value of the wrong type "
                                + "(errors[0].path names it, rule UNKNOWN_FIELD, WRONG_TYPE or SYNTAX), or is missing");
                problem(operation, 413, List.of("payload-too-large"), "the body is over 1 MB");
                problem(operation, 415, List.of("unsupported-media-type"), "the content type is not accepted here");
            }
            for (ApiProblem p : handler.getMethod().getAnnotationsByType(ApiProblem.class)) {
                problem(operation, p.status(), List.of(p.codes()), p.description());
            }
            return operation;
        };
    }

    /** The Problem schema, and the problems every route shares. */
    @Bean
    OpenApiCustomizer ngmsCommonProblems() {
        return openApi -> {
            Map<String, Schema> schemas = ModelConverters.getInstance(true)
                    .readAll(new AnnotatedType(Problem.class));
            schemas.forEach(openApi.getComponents()::addSchemas);
            directiveExamples(openApi);
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
                if (open) {
                    problem(operation, 401, List.of("invalid-credentials"),
                            "a token was presented and not accepted (the route needs none)");
                } else {
                    problem(operation, 401, List.of("unauthenticated", "invalid-credentials"),
                            "no bearer token, or one that was not accepted");
                    problem(operation, 403, List.of("forbidden"), "the caller's role may not use this route");
                }
                problem(operation, 429, List.of("too-many-failures"),
                        "authentication from this address is paused after repeated failures (Retry-After)");
                problem(operation, 500, List.of("internal-error"), "a failure of the service; logged, nothing revealed");
                sortResponses(operation);
            }));
        };
    }

    /** The directive example of the routes that read one: the 2026 scenario directive, as YAML and as JSON. */
    private static void directiveExamples(OpenAPI openApi) {
        String yaml;
        try (var in = OpenApiConfiguration.class.getResourceAsStream(DIRECTIVE_EXAMPLE)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the OpenAPI directive example " + DIRECTIVE_EXAMPLE + " is missing", e);
        }
        Object json = YAMLMapper.builder().build().readValue(yaml, Object.class);
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                    || !operation.getRequestBody().getContent().containsKey("application/yaml")) {
                return;
            }
            operation.getRequestBody().getContent().forEach((type, media) -> media.setExample(
                    type.endsWith("json") ? json : yaml));
        }));
    }

    /** Adds (or extends) the problem response {@code status} of {@code operation} with {@code codes}. */
    @SuppressWarnings("unchecked")
    static void problem(Operation operation, int status, List<String> codes, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        String key = Integer.toString(status);
        ApiResponse response = operation.getResponses().get(key);
        Set<String> all = new LinkedHashSet<>();
        List<String> sentences = new ArrayList<>();
        if (response != null && response.getExtensions() != null && response.getExtensions().get(CODES) != null) {
            all.addAll((List<String>) response.getExtensions().get(CODES));
            if (all.containsAll(codes)) {
                return;
            }
            Object before = response.getExtensions().get("x-problem-descriptions");
            sentences.addAll(before == null ? List.of(response.getDescription()) : (List<String>) before);
        }
        all.addAll(codes);
        String sentence = codes.stream().map(c -> "`" + c + "`").reduce((a, b) -> a + ", " + b).orElse("")
                + (description.isBlank() ? "" : ": " + description);
        sentences.add(sentence);
        ApiResponse problem = new ApiResponse()
                .description(String.join("; ", sentences))
                .content(new Content().addMediaType(Problem.MEDIA_TYPE, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put(CODES, new ArrayList<>(all));
        extensions.put("x-problem-descriptions", sentences);
        problem.setExtensions(extensions);
        operation.getResponses().addApiResponse(key, problem);
    }

    /** Responses in order of status; a JSON body is application/json (not springdoc's any type). */
    private static void sortResponses(Operation operation) {
        operation.getResponses().values().forEach(response -> {
            if (response.getExtensions() != null) {
                response.getExtensions().remove("x-problem-descriptions");
            }
            if (response.getContent() != null && response.getContent().containsKey("*/*")) {
                MediaType any = response.getContent().remove("*/*");
                response.getContent().addMediaType("application/json", any);
            }
        });
        Map<String, ApiResponse> sorted = new TreeMap<>(operation.getResponses());
        ApiResponses responses = new ApiResponses();
        sorted.forEach(responses::addApiResponse);
        operation.setResponses(responses);
    }
}
