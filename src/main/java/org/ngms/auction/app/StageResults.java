package org.ngms.auction.app;

import java.util.List;

import org.ngms.auction.outcome.OutcomeJson;
import org.ngms.auction.persistence.StageStore;
import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.directive.Stage;

import tools.jackson.databind.json.JsonMapper;

/** Stored stage results handed to the stages after them as typed values, read with the one codec of each format. */
final class StageResults {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StageResults() {
    }

    /** The results of the auction's stages of pre-bid offers at reserve, in stage order. */
    static List<PreBidOutcome> preBid(List<StageStore.Window> windows) {
        return windows.stream()
                .filter(w -> w.stageType().equals(Stage.StageType.SEALED_DEMAND_AT_RESERVE.name()))
                .flatMap(w -> w.resultJson().stream())
                .map(json -> OutcomeJson.readPreBidResult(JSON.readTree(json)))
                .toList();
    }
}
