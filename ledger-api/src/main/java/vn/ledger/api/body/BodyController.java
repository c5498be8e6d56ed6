package vn.ledger.api.body;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.api.history.CommandResult;
import vn.ledger.api.history.HistoryController;
import vn.ledger.api.history.HistoryResponse;
import vn.ledger.api.history.Paths;
import vn.ledger.api.idempotency.CommandDispatcher;
import vn.ledger.api.security.CurrentActor;
import vn.ledger.core.body.CloseBody;
import vn.ledger.core.body.MergeBody;
import vn.ledger.core.body.RegisterBody;
import vn.ledger.core.body.RenameBody;

/** Bodies (organisations of the hierarchy). Writes need the ADMIN role. */
@RestController
@RequestMapping("/api/bodies")
@Tag(name = "Bodies", description = "Register, rename, close and merge bodies (ADMIN); read their history")
public class BodyController {

    private final CommandDispatcher commands;
    private final CurrentActor current;
    private final HistoryController history;

    public BodyController(CommandDispatcher commands, CurrentActor current, HistoryController history) {
        this.commands = commands;
        this.current = current;
        this.history = history;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a body (RegisterBody → BodyRegistered)")
    public CommandResult register(@Valid @RequestBody BodyRequests.Register req) {
        commands.send(new RegisterBody(req.code(), req.name(), req.parentCode(), req.level(), req.effectiveDate(),
                current.actor()), req.code());
        return CommandResult.of(req.code(), Paths.bodyHistory(req.code()));
    }

    @PostMapping("/{code}/rename")
    @Operation(summary = "Rename a body (RenameBody → BodyRenamed)")
    public CommandResult rename(@PathVariable String code, @Valid @RequestBody BodyRequests.Rename req) {
        commands.send(new RenameBody(code, req.newName(), req.effectiveDate(), current.actor()), code);
        return CommandResult.of(code, Paths.bodyHistory(code));
    }

    @PostMapping("/{code}/close")
    @Operation(summary = "Close a body (CloseBody → BodyClosed)")
    public CommandResult close(@PathVariable String code, @Valid @RequestBody BodyRequests.Close req) {
        commands.send(new CloseBody(code, req.reason(), req.effectiveDate(), current.actor()), code);
        return CommandResult.of(code, Paths.bodyHistory(code));
    }

    @PostMapping("/{code}/merge")
    @Operation(summary = "Merge a body into another (MergeBody → BodyMerged); it closes with a successor")
    public CommandResult merge(@PathVariable String code, @Valid @RequestBody BodyRequests.Merge req) {
        commands.send(new MergeBody(code, req.intoCode(), req.effectiveDate(), current.actor()), code);
        return CommandResult.of(code, Paths.bodyHistory(code));
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "Stored events of a body, in order")
    public HistoryResponse history(@PathVariable String code,
            @Parameter(description = HistoryController.LATE_ENTRY)
            @RequestParam(required = false) Boolean lateEntry) {
        return history.load(code, lateEntry);
    }
}
