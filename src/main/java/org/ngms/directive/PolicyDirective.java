package org.ngms.directive;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.ngms.directive.Stage.AllocationStage;

/**
 * A government policy directive turned into data: what is sold, to whom, under which caps, in which format and on
 * which payment terms. Built only by {@link DirectiveParser}, which validates it against {@link DirectiveRules}.
 */
public record PolicyDirective(
        String id,
        String title,
        String issuer,
        LocalDate issued,
        String legalBasis,
        String reference,
        SpectrumCounting spectrumCounting,
        CurrencyTerms currency,
        List<LicenceArea> licenceAreas,
        List<Band> bands,
        List<LotCategory> lotCategories,
        List<SetAside> setAsides,
        List<ExistingHolding> existingHoldings,
        List<BandPlan> bandPlans,
        List<SpectrumCap> spectrumCaps,
        List<EligibilityCondition> eligibilityConditions,
        DepositRule deposit,
        List<Stage> stages,
        Optional<SuccessCriterion> successCriterion,
        PaymentTerms payment,
        LicenceTerms licence) {

    public static final String SCHEMA = "ngms-directive/1";

    public PolicyDirective {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(spectrumCounting, "spectrumCounting");
        Objects.requireNonNull(currency, "currency");
        licenceAreas = List.copyOf(licenceAreas);
        bands = List.copyOf(bands);
        lotCategories = List.copyOf(lotCategories);
        setAsides = List.copyOf(setAsides);
        existingHoldings = List.copyOf(existingHoldings);
        bandPlans = List.copyOf(bandPlans);
        spectrumCaps = List.copyOf(spectrumCaps);
        eligibilityConditions = List.copyOf(eligibilityConditions);
        Objects.requireNonNull(deposit, "deposit");
        stages = List.copyOf(stages);
        Objects.requireNonNull(successCriterion, "successCriterion");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(licence, "licence");
    }

    public Optional<Band> band(String bandId) {
        return bands.stream().filter(b -> b.id().equals(bandId)).findFirst();
    }

    public Optional<LotCategory> lotCategory(String categoryId) {
        return lotCategories.stream().filter(c -> c.id().equals(categoryId)).findFirst();
    }

    /** The band plan of a lot category, which its assignment stage needs. */
    public Optional<BandPlan> bandPlan(String categoryId) {
        return bandPlans.stream().filter(p -> p.category().equals(categoryId)).findFirst();
    }

    public Optional<Stage> stage(String stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
    }

    /** The stage that first allocates spectrum: every auction starts with one. */
    public AllocationStage firstAllocationStage() {
        return (AllocationStage) stages.get(0);
    }
}
