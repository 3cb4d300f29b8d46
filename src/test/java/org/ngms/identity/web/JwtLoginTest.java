package org.ngms.identity.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ngms.support.IntegrationTestBase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * With the regulator's identity provider configured (issuer and its RSA public key), its JWTs are accepted beside API
 * tokens and mapped to the same roles; a JWT from another issuer, an expired one, one signed by another key, or one
 * without a valid role is refused like a bad token.
 */
class JwtLoginTest extends IntegrationTestBase {

    private static final String ISSUER = "https://idp.pta.example";
    private static final KeyPair PROVIDER = rsa();
    private static final KeyPair STRANGER = rsa();

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) throws Exception {
        Path pem = Files.createTempFile("idp", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(PROVIDER.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("ngms.security.jwt.issuer", () -> ISSUER);
        registry.add("ngms.security.jwt.public-key-location", pem::toString);
    }

    private static String jwt(KeyPair key, String issuer, Instant expires, Map<String, Object> claims) {
        try {
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuer).subject("Alice@PTA")
                    .issueTime(new Date()).expirationTime(Date.from(expires));
            claims.forEach(set::claim);
            SignedJWT signed = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
            signed.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
            return signed.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Instant LATER = Instant.now().plusSeconds(3600);

    @Test
    void aJwtFromTheConfiguredProviderIsMappedToItsRole() {
        as(jwt(PROVIDER, ISSUER, LATER, Map.of("ngms_role", "REGULATOR"))).get().uri("/api/v1/whoami").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.authenticated").isEqualTo(true)
                .jsonPath("$.account").isEqualTo("jwt-alice-pta")
                .jsonPath("$.role").isEqualTo("REGULATOR");
        as(jwt(PROVIDER, ISSUER, LATER, Map.of("ngms_role", "OPERATOR", "ngms_organisation", "jazz"))).get()
                .uri("/api/v1/whoami").exchange()
                .expectBody().jsonPath("$.organisation").isEqualTo("jazz");
        as(jwt(PROVIDER, ISSUER, LATER, Map.of("ngms_role", "OBSERVER"))).get().uri("/api/v1/accounts").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void jwtsThatShouldNotPassDoNot() {
        for (String refused : new String[] {
                jwt(PROVIDER, "https://elsewhere.example", LATER, Map.of("ngms_role", "REGULATOR")),
                jwt(PROVIDER, ISSUER, Instant.now().minusSeconds(600), Map.of("ngms_role", "REGULATOR")),
                jwt(STRANGER, ISSUER, LATER, Map.of("ngms_role", "REGULATOR")),
                jwt(PROVIDER, ISSUER, LATER, Map.of("ngms_role", "KING")),
                jwt(PROVIDER, ISSUER, LATER, Map.of("ngms_role", "OPERATOR"))}) {
            as(refused).get().uri("/api/v1/whoami").exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.code").isEqualTo("invalid-credentials");
        }
    }

    @Test
    void apiTokensStillWorkBesideJwts() {
        web.get().uri("/api/v1/whoami").exchange().expectBody().jsonPath("$.account").isEqualTo("regulator");
    }
}
