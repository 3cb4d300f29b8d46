package org.ngms.web;

import java.util.List;
import java.util.stream.Collectors;

import org.ngms.shared.Refused;
import org.ngms.shared.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import reactor.core.publisher.Mono;

/**
 * The one place where every failure becomes an RFC 9457 problem response: client mistakes get a 4xx naming the field
 * and the rule; anything else is logged and answered with a 500 that reveals nothing.
 */
@Component
@Order(-2)
public class ProblemHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final ProblemWriter writer;

    public ProblemHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        Problem problem = toProblem(failure, exchange.getRequest().getPath().value());
        if (failure instanceof MethodNotAllowedException notAllowed) {
            response.getHeaders().setAllow(notAllowed.getSupportedMethods());
        }
        return writer.write(exchange, problem);
    }

    Problem toProblem(Throwable failure, String instance) {
        if (failure instanceof Refused r) {
            return problem(ProblemStatus.of(r.reason()), r.reason().code(), r.title(), r.getMessage(), instance,
                    r.errors());
        }
        if (failure instanceof ProblemException p) {
            return problem(p.status(), p.code(), p.title(), p.getMessage(), instance, p.errors());
        }
        if (failure instanceof UnsupportedMediaTypeStatusException e) {
            return problem(415, "unsupported-media-type", "Unsupported media type",
                    "content type " + e.getContentType() + " is not accepted here; use one of "
                            + e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", ")),
                    instance, List.of());
        }
        if (failure instanceof NotAcceptableStatusException) {
            return problem(406, "not-acceptable", "Not acceptable",
                    "the requested representation is not available", instance, List.of());
        }
        if (failure instanceof MethodNotAllowedException e) {
            return problem(405, "method-not-allowed", "Method not allowed",
                    e.getHttpMethod() + " is not allowed here", instance, List.of());
        }
        if (causedBy(failure, DataBufferLimitException.class)) {
            return problem(413, "payload-too-large", "Payload too large",
                    "the request body exceeds the limit of 1 MB", instance, List.of());
        }
        if (failure instanceof ServerWebInputException e) {
            return inputProblem(e, instance);
        }
        if (failure instanceof ResponseStatusException e && e.getStatusCode().is4xxClientError()) {
            int status = e.getStatusCode().value();
            return problem(status, status == 404 ? "not-found" : "bad-request",
                    status == 404 ? "Not found" : "Bad request",
                    status == 404 ? "no resource at " + instance : String.valueOf(e.getReason()), instance, List.of());
        }
        if (failure instanceof DataIntegrityViolationException) {
            log.warn("refused by a database constraint at {}: {}", instance, failure.getMessage());
            return problem(409, "conflict", "Conflict",
                    "the change conflicts with the current state; reload and retry", instance, List.of());
        }
        log.error("unexpected failure at {}", instance, failure);
        return problem(500, "internal-error", "Internal error",
                "the service failed to process the request; it has been logged", instance, List.of());
    }

    /** A body that could not be read: name the field and what was wrong with it where Jackson can tell. */
    private Problem inputProblem(ServerWebInputException e, String instance) {
        JacksonException jackson = cause(e, JacksonException.class);
        if (jackson == null) {
            String reason = e.getReason() == null ? "the request could not be read" : e.getReason();
            if (e.getMethodParameter() != null && reason.contains("body")) {
                reason = "a request body is required";
            }
            return problem(400, "bad-request", "Bad request", reason, instance, List.of());
        }
        String path = jsonPath(jackson);
        String rule;
        String message;
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            rule = "UNKNOWN_FIELD";
            message = "unknown field " + unknown.getPropertyName();
        } else if (jackson instanceof InvalidFormatException format) {
            rule = "WRONG_TYPE";
            message = "cannot read " + format.getValue() + " as " + format.getTargetType().getSimpleName();
        } else if (jackson instanceof MismatchedInputException mismatch) {
            rule = "WRONG_TYPE";
            message = "wrong type" + (mismatch.getTargetType() == null ? ""
                    : ": expected " + mismatch.getTargetType().getSimpleName());
        } else {
            rule = "SYNTAX";
            message = "malformed JSON: " + jackson.getOriginalMessage();
        }
        return problem(400, "malformed-request", "Malformed request", message + (path.isEmpty() ? "" : " at " + path),
                instance, List.of(Violation.of(path, rule, message, null)));
    }

    private static String jsonPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Problem problem(int status, String code, String title, String detail, String instance,
                                   List<Violation> errors) {
        return new Problem("/problems/" + code, title, status, detail, instance, code, errors);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        return cause(failure, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
