package vn.ledger.api.body;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.ledger.api.readside.ReadSide;
import vn.ledger.core.group.BodyRoster;
import vn.ledger.core.group.RosterEntry;
import vn.ledger.projections.body.BodiesProjection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link BodyRoster} for the command handlers, asked only when a command names a group of bodies. Which bodies
 * exist: those of the bodies read model (every body registered up to its position) and those the
 * {@link BodyDirectoryIndex} was told of by its subscribing handler (every body registered in this process, at
 * once); what each one is (parent, level, dates) is read from its own stream through the index, so a read model
 * that lags loses no detail, only, right after a restart, a body registered in the last moments before it until
 * the read model has caught up.
 */
@Component
public class BodyRosterIndex implements BodyRoster {

    private static final Logger log = LoggerFactory.getLogger(BodyRosterIndex.class);

    private final BodyDirectoryIndex index;
    private final ObjectProvider<ReadSide> readSide;
    private final GroupListsProperties lists;

    public BodyRosterIndex(BodyDirectoryIndex index, ObjectProvider<ReadSide> readSide, GroupListsProperties lists) {
        this.index = index;
        this.readSide = readSide;
        this.lists = lists;
    }

    @Override
    public List<RosterEntry> bodies() {
        Set<String> codes = new LinkedHashSet<>(readModelCodes());
        codes.addAll(index.knownCodes());
        List<RosterEntry> out = new ArrayList<>(codes.size());
        for (String code : codes) {
            index.entry(code).ifPresent(e -> out.add(new RosterEntry(e.code(), e.parentCode(), e.level(),
                    e.registeredOn(), e.closedOn())));
        }
        return out;
    }

    @Override
    public Optional<List<String>> namedList(String listId) {
        return Optional.ofNullable(lists.groups().get(listId));
    }

    private List<String> readModelCodes() {
        ReadSide read = readSide.getIfAvailable();
        if (read == null) {
            return List.of();
        }
        try {
            return read.snapshot().store().scan(BodiesProjection.COLLECTION)
                    .map(d -> d.getString("_id")).filter(java.util.Objects::nonNull).toList();
        } catch (RuntimeException e) {
            // no generation live yet (start-up): the index's bodies are all there is to go by
            log.debug("Bodies read model not readable for a group's expansion: {}", e.toString());
            return List.of();
        }
    }
}
