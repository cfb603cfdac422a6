package cn.cqs.client.reports;

import java.util.UUID;

/** A project the form offers (from the replica): its id and name. */
public record ProjectChoice(UUID id, String name) {
    @Override
    public String toString() {
        return name;
    }
}
