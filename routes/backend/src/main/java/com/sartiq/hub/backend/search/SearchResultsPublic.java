package com.sartiq.hub.backend.search;

import java.util.List;

/** The documented {@code SearchResultsPublic}: results of every searched type and their number. */
public record SearchResultsPublic(List<SearchResult> results, long count) {
}
