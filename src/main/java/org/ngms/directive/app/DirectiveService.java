package org.ngms.directive.app;

import org.ngms.audit.Chains;
import org.ngms.audit.app.AuditTrail;
import org.ngms.directive.DirectiveDocument;
import org.ngms.directive.persistence.DirectiveStore;
import org.ngms.directive.persistence.StoredDirective;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registers and replaces directive versions, recording each new or replaced version, with its whole canonical
 * document, in the service transcript in the same transaction.
 */
@Service
public class DirectiveService {

    private final DirectiveStore store;
    private final AuditTrail audit;
    private final JsonMapper json = JsonMapper.builder().build();

    public DirectiveService(DirectiveStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    @Transactional
    public Mono<DirectiveStore.Registration> register(String actor, DirectiveDocument document, java.time.Instant at) {
        return store.register(document, at)
                .flatMap(registration -> registration.created()
                        ? record(actor, "DIRECTIVE_REGISTERED", document, registration.directive())
                        .thenReturn(registration)
                        : Mono.just(registration));
    }

    @Transactional
    public Mono<StoredDirective> replace(String actor, String id, int version, DirectiveDocument document) {
        return store.replace(id, version, document)
                .flatMap(stored -> record(actor, "DIRECTIVE_REPLACED", document, stored).thenReturn(stored));
    }

    private Mono<Void> record(String actor, String type, DirectiveDocument document, StoredDirective stored) {
        ObjectNode request = AuditTrail.object().put("action", type.replace("DIRECTIVE_", "") + "_DIRECTIVE")
                .put("id", stored.id()).put("sha256", document.sha256());
        ObjectNode facts = AuditTrail.object().put("id", stored.id()).put("version", stored.version())
                .put("sha256", stored.sha256()).put("title", stored.title());
        facts.set("document", json.readTree(document.canonicalJson()));
        return audit.request(Chains.SERVICE, type, actor, request, facts).then();
    }
}
