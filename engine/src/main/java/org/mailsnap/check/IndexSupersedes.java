package org.mailsnap.check;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mailsnap.model.ObjectId;
import org.mailsnap.repository.Maintenance;

/**
 * The first pass over the index files, before any is trusted: which ids the readable ones supersede, and which
 * cannot be read at all. Check and repair both decide every index file's fate from it.
 *
 * @param superseded ids that a readable index file lists as superseded
 * @param unreadable index files that could not be read
 */
record IndexSupersedes(Set<ObjectId> superseded, Set<ObjectId> unreadable) {
    static IndexSupersedes read(Maintenance maintenance, List<ObjectId> ids) {
        Set<ObjectId> superseded = new HashSet<>();
        Set<ObjectId> unreadable = new HashSet<>();
        for (ObjectId id : ids) {
            try {
                superseded.addAll(maintenance.readIndex(id).supersedes());
            } catch (IOException e) {
                unreadable.add(id);
            }
        }
        return new IndexSupersedes(superseded, unreadable);
    }
}
