package org.ngms.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Base of integration tests: chooses the test database before Spring starts, and offers a client. */
@IntegrationTest
public abstract class IntegrationTestBase {

    static {
        TestDatabase.configure();
    }

    @Autowired
    protected WebTestClient web;
}
