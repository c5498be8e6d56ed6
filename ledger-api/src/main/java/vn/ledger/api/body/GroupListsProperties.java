package vn.ledger.api.body;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * Named lists of bodies a directive or task may name as a group ({@code NAMED}, {@code of} = the list's id):
 * {@code ledger.groups.<id>=CODE,CODE,...}. A list holds body codes; on a given day its members are those of its
 * bodies registered by then and not closed or merged.
 */
@ConfigurationProperties(prefix = "ledger")
public record GroupListsProperties(Map<String, List<String>> groups) {

    public GroupListsProperties {
        groups = groups == null ? Map.of() : Map.copyOf(groups);
    }
}
