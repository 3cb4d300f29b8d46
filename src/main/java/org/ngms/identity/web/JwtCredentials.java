package org.ngms.identity.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import org.ngms.identity.Account;
import org.ngms.identity.Role;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * JWTs from the regulator's own identity provider, when configured: signature (the provider's JWK set, or its RSA
 * public key in a PEM file), issuer, expiry and not-before are checked; the role comes from a claim
 * ({@code ngms_role}: REGULATOR, OPERATOR or OBSERVER) and, for operators, the bidder from another
 * ({@code ngms_organisation}). The account id is {@code jwt-} and the subject, lower-cased.
 */
public final class JwtCredentials {

    private final ReactiveJwtDecoder decoder;
    private final String roleClaim;
    private final String organisationClaim;

    private JwtCredentials(ReactiveJwtDecoder decoder, String roleClaim, String organisationClaim) {
        this.decoder = decoder;
        this.roleClaim = roleClaim;
        this.organisationClaim = organisationClaim;
    }

    /** The configured provider, or empty when no issuer is configured. */
    public static Optional<JwtCredentials> configure(String issuer, String jwkSetUri, String publicKeyLocation,
                                                     String roleClaim, String organisationClaim) {
        if (issuer.isBlank()) {
            return Optional.empty();
        }
        NimbusReactiveJwtDecoder decoder;
        if (!jwkSetUri.isBlank()) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
        } else if (!publicKeyLocation.isBlank()) {
            decoder = NimbusReactiveJwtDecoder.withPublicKey(rsaPublicKey(Path.of(publicKeyLocation))).build();
        } else {
            throw new IllegalStateException("ngms.security.jwt.issuer is set: also set jwk-set-uri or "
                    + "public-key-location");
        }
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        return Optional.of(new JwtCredentials(decoder, roleClaim, organisationClaim));
    }

    /** Whether a bearer credential has the form of a JWT (three dot-separated parts) rather than an API token. */
    static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    Mono<Account> authenticate(String token) {
        return decoder.decode(token)
                .onErrorMap(JwtException.class, e -> new BadCredentialsException("JWT refused: " + e.getMessage()))
                .map(this::account);
    }

    private Account account(Jwt jwt) {
        String roleName = jwt.getClaimAsString(roleClaim);
        Role role;
        try {
            role = Role.valueOf(String.valueOf(roleName));
        } catch (IllegalArgumentException e) {
            throw new BadCredentialsException("JWT without a valid " + roleClaim + " claim");
        }
        Optional<String> organisation = role == Role.OPERATOR
                ? Optional.ofNullable(jwt.getClaimAsString(organisationClaim)).filter(o -> o.matches("[a-z0-9][a-z0-9_-]{0,31}"))
                : Optional.empty();
        if (role == Role.OPERATOR && organisation.isEmpty()) {
            throw new BadCredentialsException("an operator's JWT needs a valid " + organisationClaim + " claim");
        }
        String id = ("jwt-" + String.valueOf(jwt.getSubject()).toLowerCase(Locale.ROOT))
                .replaceAll("[^a-z0-9._-]", "-");
        id = id.substring(0, Math.min(64, id.length()));
        Instant issued = jwt.getIssuedAt() == null ? Instant.EPOCH : jwt.getIssuedAt();
        return new Account(id, role, organisation, String.valueOf(jwt.getSubject()), issued);
    }

    private static RSAPublicKey rsaPublicKey(Path pem) {
        try {
            String base64 = Files.readString(pem, StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the identity provider's public key " + pem, e);
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the identity provider's public key in " + pem + " is not an RSA key", e);
        }
    }
}
