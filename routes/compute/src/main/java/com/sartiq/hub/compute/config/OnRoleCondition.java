package com.sartiq.hub.compute.config;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.List;

class OnRoleCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String role = (String) metadata.getAnnotationAttributes(ConditionalOnRole.class.getName()).get("value");
        List<String> roles = Binder.get(context.getEnvironment()).bind("hub.roles", Bindable.listOf(String.class)).orElse(List.of());
        return new ComputeRoles(roles).has(role);
    }
}
