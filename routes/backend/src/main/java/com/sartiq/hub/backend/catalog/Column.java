package com.sartiq.hub.backend.catalog;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import java.util.List;
import java.util.UUID;

/**
 * A column written from a field of a create schema: same (snake_case) name as the JSON field, SQL type
 * from the Java type. Objects and lists are stored as {@code jsonb}, enums as their name.
 */
public record Column(String name, String sqlType, JavaType javaType) {

    /** The create schema's JSON fields, in declaration order, as columns. */
    public static List<Column> of(ObjectMapper mapper, Class<?> createType) {
        JavaType type = mapper.constructType(createType);
        BeanDescription description = mapper.getDeserializationConfig().introspect(type);
        return description.findProperties().stream().map(p -> of(p)).toList();
    }

    /** The stored columns of a resource: its body fields except the images, which are media attachments. */
    public static List<Column> stored(ObjectMapper mapper, CatalogResource resource) {
        return of(mapper, resource.createType()).stream().filter(c -> !resource.media().contains(c.name())).toList();
    }

    private static Column of(BeanPropertyDefinition property) {
        JavaType type = property.getPrimaryType();
        return new Column(property.getName(), sqlType(type.getRawClass()), type);
    }

    static String sqlType(Class<?> raw) {
        if (raw == String.class || raw.isEnum()) {
            return "text";
        }
        if (raw == Integer.class || raw == int.class) {
            return "int";
        }
        if (raw == Long.class || raw == long.class) {
            return "bigint";
        }
        if (raw == Double.class || raw == double.class) {
            return "double precision";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "boolean";
        }
        if (raw == UUID.class) {
            return "uuid";
        }
        return "jsonb";
    }

    /** {@code cast(:#name as type)}: parameters are bound as text, JSON or null, and typed by the statement. */
    String param() {
        return "cast(:#" + name + " as " + sqlType + ")";
    }

    String quoted() {
        return "\"" + name + "\"";
    }
}
