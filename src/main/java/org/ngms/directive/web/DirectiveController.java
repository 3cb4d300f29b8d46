package org.ngms.directive.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.ngms.directive.DirectiveParser;
import org.ngms.directive.RunnableFormats;
import org.ngms.directive.DirectiveParser.Format;
import org.ngms.directive.DirectiveParser.Invalid;
import org.ngms.directive.DirectiveParser.Valid;
import org.ngms.directive.app.DirectiveService;
import org.ngms.directive.persistence.DirectiveStore;
import org.ngms.identity.web.Callers;
import org.ngms.directive.persistence.StoredDirective;
import org.ngms.shared.Violation;
import org.ngms.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.ngms.web.ApiProblem;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The regulator's directive register: submit a directive as YAML or JSON, read back versions with their hashes. */
@RestController
@RequestMapping("/api/v1/directives")
@Tag(name = "Directives", description = "Policy directives as validated, versioned, hashed documents")
public class DirectiveController {


    private final DirectiveStore store;
    private final DirectiveService service;
    private final Clock clock;

    public DirectiveController(DirectiveStore store, DirectiveService service, Clock clock) {
        this.store = store;
        this.service = service;
        this.clock = clock;
    }

    /** A registered version: its coordinates and hash, and whether this request created it. */
    public record Registered(String id, int version, String sha256, boolean created) {
    }

    /** One directive version without its document. */
    public record Summary(String id, int version, String sha256, String title, Instant registeredAt,
                          boolean inUse) {
        static Summary of(StoredDirective d) {
            return new Summary(d.id(), d.version(), d.sha256(), d.title(), d.registeredAt(), d.inUse());
        }
    }

    /** One directive version with its canonical document, byte for byte as hashed. */
    public record Version(String id, int version, String sha256, String title, Instant registeredAt, boolean inUse,
                          @Schema(types = {"object"},
                                  description = "The canonical JSON document, byte for byte as hashed")
                          @JsonRawValue String document) {
        static Version of(StoredDirective d) {
            return new Version(d.id(), d.version(), d.sha256(), d.title(), d.registeredAt(), d.inUse(),
                    d.canonicalJson());
        }
    }

    /** The result of a dry-run validation. */
    public record ValidationReport(boolean valid, String id, String sha256, List<Violation> errors) {
    }

    @ApiResponse(responseCode = "201", description = "A new version (Location: the version)")
    @ApiResponse(responseCode = "200",
            description = "Identical to the latest version: nothing registered (Location: that version)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            description = "A policy directive (schema ngms-directive/1, docs/directives.md) as YAML or JSON; "
            + "the example is the 2026 scenario directive",
            content = {@Content(mediaType = "application/yaml", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/x-yaml", schema = @Schema(type = "string")),
                    @Content(mediaType = "text/yaml", schema = @Schema(type = "string")),
                    @Content(mediaType = "text/x-yaml", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/json", schema = @Schema(type = "object"))})
    @ApiProblem(status = 400, codes = {"malformed-request"},
            description = "the text is not well-formed YAML or JSON, or has a duplicate key")
    @ApiProblem(status = 422, codes = {"directive-invalid", "directive-not-runnable"})
    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml",
            MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Register a directive (YAML or JSON)",
            description = "201 with id, version and SHA-256 of the canonical JSON; 200 if the latest version is "
                    + "identical; 422 with every error (path, rule, value) if invalid.")
    public Mono<ResponseEntity<Registered>> register(@RequestBody String body,
                                                     @Parameter(hidden = true) @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type) {
        Valid valid = runnableOrThrow(validOrThrow(body, type));
        return Callers.accountId()
                .flatMap(actor -> service.register(actor, valid.document(), clock.instant()))
                .map(r -> {
                    Registered registered = new Registered(r.directive().id(), r.directive().version(),
                            r.directive().sha256(), r.created());
                    URI location = URI.create("/api/v1/directives/" + registered.id() + "/versions/"
                            + registered.version());
                    return r.created()
                            ? ResponseEntity.created(location).body(registered)
                            : ResponseEntity.ok().location(location).body(registered);
                });
    }

    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            description = "A policy directive (schema ngms-directive/1, docs/directives.md) as YAML or JSON; "
            + "the example is the 2026 scenario directive",
            content = {@Content(mediaType = "application/yaml", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/x-yaml", schema = @Schema(type = "string")),
                    @Content(mediaType = "text/yaml", schema = @Schema(type = "string")),
                    @Content(mediaType = "text/x-yaml", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/json", schema = @Schema(type = "object"))})
    @ApiProblem(status = 400, codes = {"malformed-request"},
            description = "the text is not well-formed YAML or JSON, or has a duplicate key")
    @PostMapping(path = "/validation", consumes = {"application/yaml", "application/x-yaml", "text/yaml",
            "text/x-yaml", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Validate a directive without registering it")
    public ValidationReport validate(@RequestBody String body, @Parameter(hidden = true) @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type) {
        DirectiveParser.Result result = DirectiveParser.parse(body, formatOf(type));
        if (result instanceof Valid valid) {
            List<Violation> unsupported = RunnableFormats.unsupported(valid.document().directive());
            return new ValidationReport(unsupported.isEmpty(), valid.document().directive().id(),
                    valid.document().sha256(), unsupported);
        }
        return new ValidationReport(false, null, null, ((Invalid) result).violations());
    }

    @SecurityRequirements
    @GetMapping
    @Operation(summary = "List every directive version")
    public Flux<Summary> list() {
        return store.list().map(Summary::of);
    }

    @SecurityRequirements
    @ApiProblem(status = 404, codes = {"not-found"})
    @GetMapping("/{id}")
    @Operation(summary = "The latest version of a directive, with its canonical document")
    public Mono<Version> latest(@PathVariable String id) {
        return store.latest(id)
                .map(Version::of)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("directive " + id)));
    }

    @SecurityRequirements
    @ApiProblem(status = 404, codes = {"not-found"})
    @GetMapping("/{id}/versions")
    @Operation(summary = "Every version of a directive")
    public Flux<Summary> versions(@PathVariable String id) {
        return store.versions(id)
                .map(Summary::of)
                .switchIfEmpty(Flux.error(() -> ProblemException.notFound("directive " + id)));
    }

    @SecurityRequirements
    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the version is not a number")
    @ApiProblem(status = 404, codes = {"not-found"})
    @GetMapping("/{id}/versions/{version}")
    @Operation(summary = "One version of a directive, with its canonical document")
    public Mono<Version> version(@PathVariable String id, @PathVariable int version) {
        return store.get(id, version)
                .map(Version::of)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("directive " + id + " version " + version)));
    }

    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            description = "A policy directive (schema ngms-directive/1, docs/directives.md) as YAML or JSON; "
            + "the example is the 2026 scenario directive",
            content = {@Content(mediaType = "application/yaml", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/x-yaml", schema = @Schema(type = "string")),
                    @Content(mediaType = "text/yaml", schema = @Schema(type = "string")),
                    @Content(mediaType = "text/x-yaml", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/json", schema = @Schema(type = "object"))})
    @ApiProblem(status = 400, codes = {"malformed-request"},
            description = "the text is not well-formed YAML or JSON, or has a duplicate key")
    @ApiProblem(status = 404, codes = {"not-found"})
    @ApiProblem(status = 409, codes = {"directive-in-use"})
    @ApiProblem(status = 422, codes = {"directive-invalid", "directive-not-runnable"},
            description = "ID_MISMATCH among the errors when the document's id is not the path's")
    @PutMapping(path = "/{id}/versions/{version}", consumes = {"application/yaml", "application/x-yaml",
            "text/yaml", "text/x-yaml", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Replace a version that no auction uses yet",
            description = "409 if an auction uses the version: a change to a directive in use is a new version.")
    public Mono<Registered> replace(@PathVariable String id, @PathVariable int version, @RequestBody String body,
                                    @Parameter(hidden = true) @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type) {
        Valid valid = runnableOrThrow(validOrThrow(body, type));
        if (!valid.document().directive().id().equals(id)) {
            throw new ProblemException(422, "directive-invalid", "Invalid directive",
                    "the document's id must match the path", List.of(Violation.of("id", "ID_MISMATCH",
                    "the document's id must be " + id, valid.document().directive().id())));
        }
        return Callers.accountId()
                .flatMap(actor -> service.replace(actor, id, version, valid.document()))
                .onErrorMap(DirectiveStore.DirectiveInUseException.class,
                        e -> new ProblemException(409, "directive-in-use", "Directive in use", e.getMessage()))
                .map(d -> new Registered(d.id(), d.version(), d.sha256(), false))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("directive " + id + " version " + version)));
    }

    private static Valid validOrThrow(String body, MediaType type) {
        DirectiveParser.Result result = DirectiveParser.parse(body, formatOf(type));
        if (result instanceof Invalid invalid && isSyntaxError(invalid)) {
            throw new ProblemException(400, "malformed-request", "Malformed request",
                    invalid.violations().get(0).message(), invalid.violations());
        }
        if (result instanceof Invalid invalid) {
            throw new ProblemException(422, "directive-invalid", "Invalid directive",
                    invalid.violations().size() + " rule(s) broken; see errors", invalid.violations());
        }
        return (Valid) result;
    }


    /** A valid directive whose stages this service cannot all run is refused, each such stage named. */
    private static Valid runnableOrThrow(Valid valid) {
        List<Violation> unsupported = RunnableFormats.unsupported(valid.document().directive());
        if (!unsupported.isEmpty()) {
            throw new ProblemException(422, "directive-not-runnable", "Directive not runnable",
                    unsupported.size() + " stage(s) of a format this service does not run; see errors", unsupported);
        }
        return valid;
    }

    private static boolean isSyntaxError(Invalid invalid) {
        return invalid.violations().size() == 1 && invalid.violations().get(0).rule().equals(DirectiveParser.SYNTAX);
    }

    private static Format formatOf(MediaType type) {
        return MediaType.APPLICATION_JSON.isCompatibleWith(type) ? Format.JSON : Format.YAML;
    }
}
