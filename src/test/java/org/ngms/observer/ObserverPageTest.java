package org.ngms.observer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ngms.support.IntegrationTestBase;
import org.springframework.http.MediaType;

/**
 * The observer site is served to anyone at {@code /}, under the strict content security policy (no inline script or
 * style), and its modules read only routes that anonymous callers may read.
 */
class ObserverPageTest extends IntegrationTestBase {

    /** Every module of the observer site: the pages' own and those they import. */
    static final String[] OBSERVER_MODULES = {"/observer/auctions.mjs", "/observer/auction.mjs",
        "/observer/rounds.mjs", "/observer/charts.mjs", "/observer/directive.mjs", "/observer/outcome.mjs"};

    @Test
    void everyModuleTheObserverPagesImportIsChecked() {
        for (String module : OBSERVER_MODULES) {
            String script = anonymous.get().uri(module).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            Matcher imports = Pattern.compile("from '(/observer/[^']+)'").matcher(script);
            while (imports.find()) {
                assertThat(OBSERVER_MODULES).as(module + " imports " + imports.group(1)).contains(imports.group(1));
            }
        }
    }

    @Test
    void theHomePageIsPublicAndLoadsOnlyItsOwnModules() {
        String html = anonymous.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'").contains("style-src 'self';").doesNotContain("unsafe-inline"))
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("<script type=\"module\" src=\"/observer/auctions.mjs\"></script>")
                .doesNotContain("<script>").doesNotContain("style=").doesNotContain("http://")
                .doesNotContain("https://");
        anonymous.get().uri("/app/ngms.css").exchange().expectStatus().isOk();
        anonymous.get().uri("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css").exchange()
                .expectStatus().isOk();
    }

    @Test
    void theAuctionPageIsPublicWithoutInlineScriptOrStyle() {
        String html = anonymous.get().uri("/observer/auction.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'").contains("style-src 'self';").doesNotContain("unsafe-inline"))
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("<script type=\"module\" src=\"/observer/auction.mjs\"></script>")
                .doesNotContain("<script>").doesNotContain("<style").doesNotContain("style=")
                .doesNotContain("http://").doesNotContain("https://");
        for (String asset : new String[] {"/webjars/uplot/dist/uPlot.esm.js", "/webjars/uplot/dist/uPlot.min.css"}) {
            anonymous.get().uri(asset).exchange().expectStatus().isOk();
        }
    }

    @Test
    void theOldObserverAddressLeadsToTheHomePage() {
        anonymous.get().uri("/observer/index.html").exchange().expectStatus().isPermanentRedirect()
                .expectHeader().location("/");
    }

    @Test
    void theObserverModulesReadOnlyRoutesThatAnonymousCallersMayRead() {
        int checked = 0;
        for (String module : OBSERVER_MODULES) {
            String script = anonymous.get().uri(module).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(script).as(module).doesNotContain("Authorization").doesNotContain("token")
                    .doesNotContain("method:");
            Matcher routes = Pattern.compile("'(/api/v1/[^']*)'").matcher(script);
            while (routes.find()) {
                String route = routes.group(1).endsWith("/")
                        ? routes.group(1) + "00000000-0000-0000-0000-000000000000" : routes.group(1);
                int status = anonymous.get().uri(route).exchange().returnResult(byte[].class).getStatus().value();
                assertThat(status).as("anonymous GET " + route).isNotIn(401, 403);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
    }
}
