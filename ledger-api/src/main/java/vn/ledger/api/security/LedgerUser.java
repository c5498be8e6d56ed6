package vn.ledger.api.security;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.ledger.core.shared.Actor;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** An authenticated official: who they are, which body they act for, and their roles. */
public final class LedgerUser implements UserDetails, CredentialsContainer {

    private final String username;
    private String password;
    private final String fullName;
    private final String position;
    private final String bodyCode;
    private final Set<Role> roles;

    public LedgerUser(String username, String password, String fullName, String position, String bodyCode,
                      Set<Role> roles) {
        this.username = username;
        this.password = password;
        this.fullName = fullName;
        this.position = position;
        this.bodyCode = bodyCode;
        this.roles = Set.copyOf(roles);
    }

    static LedgerUser of(LedgerUsersProperties.User u) {
        return new LedgerUser(u.username(), u.password(), u.fullName(), u.position(), u.bodyCode(), u.roles());
    }

    /** The acting person recorded in commands and events. */
    public Actor actor() {
        return new Actor(username, fullName, position, bodyCode);
    }

    public String fullName() {
        return fullName;
    }

    public String position() {
        return position;
    }

    public String bodyCode() {
        return bodyCode;
    }

    public Set<Role> roles() {
        return roles;
    }

    @Override
    public void eraseCredentials() {
        password = null;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).collect(Collectors.toSet());
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String toString() {
        return "LedgerUser[" + username + " @ " + bodyCode + " " + roles + "]";
    }
}
