package cn.cqs.client.supervision;

import java.util.UUID;

/** A lab the search can filter on: one that issued at least one report in the replica. */
public record LabChoice(UUID id, String name, String uscc) {
}
