package io.apolloroutes.references;

import java.util.List;

/**
 * One entry of an Apollo list a sequence may refer to: a schedule, a user or a stage.
 *
 * @param id    its Apollo ID
 * @param label how messages show it: its name (a user's email)
 * @param names everything a person may call it by: name and display name, or email
 */
public record Referent(String id, String label, List<String> names) {

    public Referent {
        names = List.copyOf(names);
    }
}
