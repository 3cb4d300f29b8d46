package org.ngms.optimiser.planning;

/** Planning fact: a category and its supply of blocks. */
public record PlanningCategory(String id, long supply) {
}
