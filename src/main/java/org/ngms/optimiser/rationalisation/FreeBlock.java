package org.ngms.optimiser.rationalisation;

/**
 * Planning fact: the {@code slot}-th free (non-fixed) block from the bottom of the band, its position {@code block}
 * in the band (counting fixed blocks, so two slots are adjacent only when their blocks are) and who held it before.
 */
public record FreeBlock(int slot, int block, PlanningHolder before) {

    public FreeBlock {
        if (slot < 0 || block < slot) {
            throw new IllegalArgumentException("slot " + slot + " cannot be at block " + block);
        }
    }
}
