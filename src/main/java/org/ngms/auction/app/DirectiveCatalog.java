package org.ngms.auction.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ngms.auction.Auction;
import org.ngms.directive.DirectiveParser;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.persistence.DirectiveStore;
import org.ngms.directive.persistence.StoredDirective;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** The directive an auction runs under, parsed once per document hash (stored documents are immutable). */
@Component
public class DirectiveCatalog {

    private final DirectiveStore directives;
    private final Map<String, PolicyDirective> parsed = new ConcurrentHashMap<>();

    public DirectiveCatalog(DirectiveStore directives) {
        this.directives = directives;
    }

    public Mono<PolicyDirective> of(Auction auction) {
        return directives.get(auction.directiveId(), auction.directiveVersion()).map(this::parse);
    }

    PolicyDirective parse(StoredDirective stored) {
        return parsed.computeIfAbsent(stored.sha256(), sha -> {
            DirectiveParser.Result result = DirectiveParser.parse(stored.canonicalJson(), DirectiveParser.Format.JSON);
            if (result instanceof DirectiveParser.Valid valid) {
                return valid.document().directive();
            }
            throw new IllegalStateException("stored directive " + stored.id() + "/" + stored.version()
                    + " no longer validates: " + result);
        });
    }
}
