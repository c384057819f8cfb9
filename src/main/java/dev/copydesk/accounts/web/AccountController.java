package dev.copydesk.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.copydesk.accounts.AccountDirectory;
import dev.copydesk.accounts.AccountDirectory.AccountChange;
import dev.copydesk.accounts.AccountDirectory.NewAccount;
import dev.copydesk.accounts.StaffMember;
import dev.copydesk.accounts.web.AccountViews.AccountView;
import dev.copydesk.accounts.web.AccountViews.ChangeAccountRequest;
import dev.copydesk.accounts.web.AccountViews.CreateAccountRequest;
import dev.copydesk.accounts.web.AccountViews.MeView;

/** {@code /api/me} for every staff member; {@code /api/admin/accounts} for administrators (URL rule). */
@Tag(name = "accounts")
@RestController
class AccountController {

    private final AccountDirectory directory;

    AccountController(AccountDirectory directory) {
        this.directory = directory;
    }

    @Operation(operationId = "getCurrentAccount", summary = "Who am I",
            description = "The signed-in staff member: id, names, email and roles.")
    @GetMapping("/api/me")
    MeView me(@AuthenticationPrincipal StaffMember me) {
        return MeView.of(me);
    }

    @ApiResponse(responseCode = "201", description = "The account, created (Location names it)", useReturnTypeSchema = true)
    @Operation(operationId = "createAccount", summary = "Create a staff account",
            description = "ADMIN only. The username is unique; the password is stored as a hash and never answered.")
    @ApiResponse(responseCode = "409", description = "The username is taken")
    @PostMapping("/api/admin/accounts")
    ResponseEntity<AccountView> create(@Valid @RequestBody CreateAccountRequest request) {
        AccountView created = AccountView.of(directory.create(new NewAccount(request.username(),
                request.displayName(), request.email(), request.password(), request.roles(), request.sections())));
        return ResponseEntity.created(URI.create("/api/admin/accounts/" + created.id())).body(created);
    }

    @Operation(operationId = "listAccounts", summary = "List staff accounts",
            description = "ADMIN only. Every account, enabled or not.")
    @GetMapping("/api/admin/accounts")
    List<AccountView> all() {
        return directory.all().stream().map(AccountView::of).toList();
    }

    @Operation(operationId = "getAccount", summary = "Get a staff account",
            description = "ADMIN only.")
    @GetMapping("/api/admin/accounts/{id}")
    AccountView one(@PathVariable String id) {
        return AccountView.of(directory.get(id));
    }

    @Operation(operationId = "changeAccount", summary = "Change a staff account",
            description = "ADMIN only. Fields left out stay as they are; `enabled: false` signs the account out "
                    + "everywhere.")
    @ApiResponse(responseCode = "200", description = "The account, changed", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "This would disable or demote the last enabled administrator")
    @PatchMapping("/api/admin/accounts/{id}")
    AccountView change(@PathVariable String id, @Valid @RequestBody ChangeAccountRequest request) {
        return AccountView.of(directory.change(id, new AccountChange(request.roles(), request.enabled(),
                request.displayName(), request.email(), request.password(), request.sections())));
    }
}
