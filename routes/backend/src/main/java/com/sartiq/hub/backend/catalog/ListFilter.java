package com.sartiq.hub.backend.catalog;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A list query parameter and the condition it adds. {@code condition} uses the table alias {@code t}
 * and the named parameter {@code :#<name>}; it is only added when the parameter is given (booleans:
 * when true). {@link Kind#INCLUDE_PUBLIC} instead widens the tenant condition to published rows.
 */
public record ListFilter(String name, Kind kind, String description, Class<? extends Enum<?>> enumType, String condition) {

    public enum Kind { ENUM, BOOLEAN, UUID, INCLUDE_PUBLIC }

    public static ListFilter equalsEnum(String name, Class<? extends Enum<?>> type, String description) {
        return new ListFilter(name, Kind.ENUM, description, type, "t." + name + " = :#" + name);
    }

    public static ListFilter uuid(String name, String description) {
        return new ListFilter(name, Kind.UUID, description, null, "t." + name + " = cast(:#" + name + " as uuid)");
    }

    public static ListFilter flag(String name, String description, String condition) {
        return new ListFilter(name, Kind.BOOLEAN, description, null, condition);
    }

    public static ListFilter includePublic(String name, String description) {
        return new ListFilter(name, Kind.INCLUDE_PUBLIC, description, null, null);
    }

    /** The allowed values, as the 422 message and the OpenAPI enum show them. */
    public String[] allowedValues() {
        return enumType == null ? new String[0]
                : Arrays.stream(enumType.getEnumConstants()).map(Enum::name).toArray(String[]::new);
    }

    public String allowedText() {
        return Arrays.stream(allowedValues()).map(v -> "'" + v + "'").collect(Collectors.joining(", "));
    }
}
