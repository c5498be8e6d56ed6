package vn.ledger.api.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The answer to a command: what it was about and where to read what was recorded. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "Result of a command")
public record CommandResult(
        @Schema(description = "id of the aggregate the command was about (body code, directive id or task id)")
        String id,
        @Schema(description = "tasks created by the command (task id = directiveId/code)") List<String> taskIds,
        @Schema(description = "id of the extension request created (taskId#extN)") String requestId,
        @Schema(description = "number N of the extension request, for .../extensions/{N}/grant|refuse")
        Integer requestNo,
        @Schema(description = "where the aggregate's stored events can be read") String history) {

    public static CommandResult of(String id, String history) {
        return new CommandResult(id, null, null, null, history);
    }
}
