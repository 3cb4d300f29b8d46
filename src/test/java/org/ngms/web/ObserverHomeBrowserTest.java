package org.ngms.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ngms.support.BrowserTestBase;
import org.openqa.selenium.By;

/** The observer home page in a real browser: no console errors, reachable by keyboard, usable at 390 px. */
class ObserverHomeBrowserTest extends BrowserTestBase {

    @Test
    void theHomePageListsAuctionsWithoutConsoleErrors() {
        open("/");
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Spectrum auctions");
        waitUntil(d -> !d.findElement(By.id("auctions")).getText().contains("Loading"));
        screenshot("observer-home");
        tabTo(By.linkText("Regulator console"));
        assertFitsPhoneWidth("observer-home");
        assertNoConsoleErrors("/");
    }

    @Test
    void swaggerUiWorksUnderTheContentSecurityPolicy() {
        open("/swagger-ui.html");
        waitUntil(d -> !d.findElements(By.cssSelector(".opblock")).isEmpty());
        screenshot("swagger-ui");
        assertNoConsoleErrors("/swagger-ui.html");
    }
}
