package com.sartiq.hub.backend.tenancy;

import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.RequestValidationException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopesTest {

    private static final String ORG = "6f1c2a36-6a1b-4bb8-9c55-0d7cb3b9a0a1";

    private static Map<String, Object> caller(boolean active, boolean superuser, String role) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", "0b7e6a4e-8a64-4b7e-b9d8-1f2f1b5d7c11");
        row.put("is_active", active);
        row.put("is_superuser", superuser);
        row.put("role", role);
        return row;
    }

    @Test
    void withoutOrganizationTheScopeIsPersonal() {
        Scope scope = Scopes.of(caller(true, false, null), null);
        assertThat(scope.personal()).isTrue();
        assertThat(scope.organizationAdmin()).isFalse();
        assertThat(scope.params()).containsEntry("organizationId", null).containsEntry("superuser", false);
    }

    @Test
    void aMemberGetsTheOrganizationWithTheirRole() {
        Scope scope = Scopes.of(caller(true, false, "member"), ORG);
        assertThat(scope.organizationId()).isEqualTo(ORG);
        assertThat(scope.organizationAdmin()).isFalse();
        assertThat(Scopes.of(caller(true, false, "admin"), ORG).organizationAdmin()).isTrue();
    }

    @Test
    void anOrganizationTheCallerDoesNotBelongToIsNotFound() {
        assertThatThrownBy(() -> Scopes.of(caller(true, false, null), ORG))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void superusersActAsAdminOfAnyOrganization() {
        Scope scope = Scopes.of(caller(true, true, null), ORG);
        assertThat(scope.organizationRole()).isEqualTo("admin");
        assertThat(scope.organizationAdmin()).isTrue();
    }

    @Test
    void inactiveOrUnknownCallersAreRefused() {
        assertThatThrownBy(() -> Scopes.of(caller(false, false, null), null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> Scopes.of(null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void organizationIdMustBeAUuid() {
        assertThat(Scopes.organizationParam(null)).isNull();
        assertThat(Scopes.organizationParam(" ")).isNull();
        assertThat(Scopes.organizationParam(ORG.toUpperCase())).isEqualTo(ORG);
        assertThatThrownBy(() -> Scopes.organizationParam("acme"))
                .isInstanceOfSatisfying(RequestValidationException.class,
                        e -> assertThat(e.errors().get(0).loc()).containsExactly("query", "organization_id"));
    }
}
