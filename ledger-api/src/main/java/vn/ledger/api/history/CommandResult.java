package vn.ledger.api.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import vn.ledger.core.shared.BusinessCalendar;

import java.time.LocalDate;
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
        @Schema(description = "where the aggregate's stored events can be read") String history,
        @Schema(description = "business date the act is recorded under: the one given, else the day it was "
                + "recorded in Vietnam", type = "string", example = "2026-03-25") LocalDate businessDate) {

    public CommandResult(String id, List<String> taskIds, String requestId, Integer requestNo, String history) {
        this(id, taskIds, requestId, requestNo, history, null);
    }

    public static CommandResult of(String id, String history) {
        return new CommandResult(id, null, null, null, history);
    }

    /** The same answer, naming the business date of the act (today when the caller gave none). */
    public CommandResult on(LocalDate given) {
        return new CommandResult(id, taskIds, requestId, requestNo, history, BusinessCalendar.orToday(given));
    }
}
