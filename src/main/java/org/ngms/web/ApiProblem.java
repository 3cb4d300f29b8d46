package org.ngms.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem response a route can give, for its OpenAPI document: the status and the problem {@code code}s it carries
 * (the codes of {@link ProblemStatus} and of docs/api.md). {@code org.ngms.config.OpenApiConfiguration} turns each
 * into a response of the {@code Problem} schema; the responses every route shares (401, 403, 429, 500, and 400, 413,
 * 415 for a route with a body) it adds by itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ApiProblem.List.class)
public @interface ApiProblem {

    int status();

    String[] codes();

    /** When the route answers so, if the codes do not say it. */
    String description() default "";

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        ApiProblem[] value();
    }
}
