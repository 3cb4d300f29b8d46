package org.ngms.directive.app;

import org.ngms.audit.Chains;
import org.ngms.audit.app.AuditTrail;
import org.ngms.directive.DirectiveDocument;
import org.ngms.directive.events.DirectiveRecorded;
import org.ngms.directive.persistence.DirectiveStore;
import org.ngms.directive.persistence.StoredDirective;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import reactor.core.publisher.Mono;

/**
 * Registers and replaces directive versions, recording each new or replaced version, with its whole canonical
 * document, in the service transcript in the same transaction.
 */
@Service
public class DirectiveService {

    private final DirectiveStore store;
    private final AuditTrail audit;

    public DirectiveService(DirectiveStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    @Transactional
    public Mono<DirectiveStore.Registration> register(String actor, DirectiveDocument document, java.time.Instant at) {
        return store.register(document, at)
                .flatMap(registration -> registration.created()
                        ? record(actor, DirectiveRecorded.Change.REGISTERED, document, registration.directive())
                        .thenReturn(registration)
                        : Mono.just(registration));
    }

    @Transactional
    public Mono<StoredDirective> replace(String actor, String id, int version, DirectiveDocument document) {
        return store.replace(id, version, document)
                .flatMap(stored -> record(actor, DirectiveRecorded.Change.REPLACED, document, stored).thenReturn(stored));
    }

    private Mono<Void> record(String actor, DirectiveRecorded.Change change, DirectiveDocument document,
                              StoredDirective stored) {
        return audit.append(Chains.SERVICE, actor, new DirectiveRecorded(change, stored.id(), stored.version(),
                stored.title(), stored.sha256(), document)).then();
    }
}
