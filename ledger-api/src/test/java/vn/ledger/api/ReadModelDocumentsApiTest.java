package vn.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.ledger.api.demo.DemoDataLoader;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An administrator reads any stored read-model document with its packed values (records kept in one string)
 * decoded by the read side's own readers, which a MongoDB shell cannot do.
 */
class ReadModelDocumentsApiTest extends ApiTestSupport {

    private static final String MODELS = "/api/admin/read-models";
    private static final String A = DemoDataLoader.A;



    @Test
    void onlyAdministratorsReadStoredDocuments() throws Exception {
        assertProblem(get(INSPECTOR, MODELS + "/task/documents/tasks/" + A + "/II.1"), 403, "auth.role");
        assertProblem(get("tuc", MODELS + "/task/documents/tasks"), 403, "auth.role");
        assertProblem(get(ADMIN, MODELS + "/task/documents/nonsense/x"), 404, "read-model.collection.not-found");
        assertProblem(get(ADMIN, MODELS + "/nonsense/documents/tasks/x"), 404, "read-model.not-found");
        assertProblem(get(ADMIN, MODELS + "/task/documents/tasks/no-such-task"), 404,
                "read-model.document.not-found");
    }

    @Test
    void aTaskDocumentComesWithItsActorsDeadlineAcknowledgementsAndReportsDecoded() throws Exception {
        JsonNode task = eventually(ADMIN, MODELS + "/task/documents/tasks/" + A + "/II.1",
                t -> assertThat(t.at("/decoded/reports")).hasSize(1));

        assertThat(task.get("model").asText()).isEqualTo("task");
        assertThat(task.get("id").asText()).isEqualTo(A + "/II.1");
        // as stored: one string of tuple fields, unreadable in a shell
        assertThat(task.at("/stored/assignedBy").asText()).contains("\u001F");
        assertThat(task.at("/stored/acks/0").isTextual()).isTrue();
        // decoded
        assertThat(task.at("/decoded/assignedBy/username").asText()).isNotBlank();
        assertThat(task.at("/decoded/acks/0/bodyCode").asText()).isEqualTo("BKHCN");
        assertThat(task.at("/decoded/acks/0/by/username").asText()).isEqualTo("most.officer");
        assertThat(task.at("/decoded/reports/0/text").asText()).isNotBlank();
        assertThat(task.at("/decoded/deadline/wording").asText()).isNotBlank();
        assertThat(texts(task.get("decodedPaths"))).contains("assignedBy", "acks", "reports", "deadline");
        assertThat(task.get("unnamedPaths")).isEmpty();
    }

    @Test
    void aChainNodeComesWithItsTalliesRecipientsAndChildrenDecoded() throws Exception {
        JsonNode node = eventually(ADMIN, MODELS + "/chain/documents/chain_nodes/" + A,
                n -> assertThat(n.at("/decoded/recipients")).isNotEmpty());

        assertThat(node.at("/stored/rollup").isTextual()).isTrue();
        assertThat(node.at("/decoded/rollup/c").isObject()).isTrue();
        assertThat(node.at("/decoded/children").isArray()).isTrue();
        assertThat(node.at("/decoded/children/0").asText()).startsWith(A);
        assertThat(StreamSupport.stream(node.at("/decoded/recipients").spliterator(), false)
                .map(r -> r.get("body").asText()).toList()).contains("BKHCN");
    }

    @Test
    void auditBucketsAreListedAndTheirEntriesDecoded() throws Exception {
        JsonNode page = eventually(ADMIN, MODELS + "/audit/documents/audit?size=2",
                p -> assertThat(p.get("ids")).hasSize(2));
        assertThat(page.get("next").asText()).isEqualTo(page.at("/ids/1").asText());
        JsonNode next = get(ADMIN, MODELS + "/audit/documents/audit?size=2&after=" + page.get("next").asText()).body();
        assertThat(next.at("/ids/0").asText()).isGreaterThan(page.at("/ids/1").asText());

        JsonNode bucket = get(ADMIN, MODELS + "/audit/documents/audit/" + page.at("/ids/0").asText()).body();
        assertThat(bucket.at("/stored/entries/0").isTextual()).isTrue();
        assertThat(bucket.at("/decoded/entries/0/eventType").asText()).isNotBlank();
        assertThat(bucket.at("/decoded/entries/0/id").asText()).isNotBlank();
        assertThat(texts(bucket.get("decodedPaths"))).contains("entries");
    }

    @Test
    void aDashboardAndItsTaskFactsAreShownAsTheRecordsTheirFormsRead() throws Exception {
        JsonNode dashboard = eventually(ADMIN, MODELS + "/dashboard/documents/dashboard/BKHCN",
                d -> assertThat(d.at("/decoded/tree/c").isObject()).isTrue());

        assertThat(dashboard.at("/stored/tree").isTextual()).isTrue();
        assertThat(dashboard.at("/decoded/name").asText()).isNotBlank();
        assertThat(dashboard.at("/decoded/self/c/assigned").asLong()).isPositive();
        assertThat(texts(dashboard.get("decodedPaths"))).containsExactly("$");

        JsonNode task = eventually(ADMIN, MODELS + "/dashboard/documents/dashboard_tasks/" + A + "/II.1",
                t -> assertThat(t.at("/decoded/contrib/tally/c").isObject()).isTrue());
        assertThat(task.at("/stored/contrib/tally").isTextual()).isTrue();
        assertThat(texts(task.at("/decoded/leads"))).contains("BKHCN");
        assertThat(task.at("/decoded/contrib/tally/c/assigned").asLong()).isEqualTo(1);
        assertThat(texts(task.get("decodedPaths"))).containsExactly("$");
        assertThat(task.get("unnamedPaths")).isEmpty();
    }

    @Test
    void aBodyAndASearchEntryAreShownAsTheRecordsTheirFormsRead() throws Exception {
        JsonNode body = eventually(ADMIN, MODELS + "/bodies/documents/bodies/BKHCN",
                b -> assertThat(b.at("/decoded/registered").asBoolean()).isTrue());

        assertThat(body.at("/decoded/code").asText()).isEqualTo("BKHCN");
        assertThat(body.at("/decoded/name").asText()).isNotBlank();
        assertThat(body.at("/decoded/names/0/name").asText()).isNotBlank();
        assertThat(texts(body.get("decodedPaths"))).containsExactly("$");

        JsonNode entry = eventually(ADMIN, MODELS + "/search/documents/search/dir:" + A,
                e -> assertThat(e.at("/decoded/symbol").asText()).isNotBlank());
        assertThat(entry.at("/decoded/directiveId").asText()).isEqualTo(A);
        assertThat(entry.at("/decoded/tokens")).isNotEmpty();
    }

    @Test
    void aDirectiveIsShownAsTheRecordItsFormReads() throws Exception {
        JsonNode directive = eventually(ADMIN, MODELS + "/directive/documents/directives/" + A,
                d -> assertThat(d.at("/decoded/issued").asBoolean()).isTrue());

        assertThat(directive.at("/stored/issuedBy").asText()).contains("\u001F");
        assertThat(directive.at("/decoded/id").asText()).isEqualTo(A);
        assertThat(directive.at("/decoded/issuedBy/username").asText()).isNotBlank();
        assertThat(directive.at("/decoded/taskIds/0").asText()).startsWith(A + "/");
        assertThat(directive.at("/decoded/recipients/0/bodyCode").asText()).isNotBlank();
        assertThat(texts(directive.get("decodedPaths"))).containsExactly("$");
        assertThat(directive.get("unnamedPaths")).isEmpty();
    }
}
