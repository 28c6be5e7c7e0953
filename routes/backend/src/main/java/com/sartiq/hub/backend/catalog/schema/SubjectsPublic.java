package com.sartiq.hub.backend.catalog.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.sartiq.hub.backend.catalog.schema.CatalogEnums.AgeClass;
import com.sartiq.hub.backend.catalog.schema.CatalogEnums.BodyType;
import com.sartiq.hub.backend.catalog.schema.CatalogEnums.EyeColor;
import com.sartiq.hub.backend.catalog.schema.CatalogEnums.Gender;
import com.sartiq.hub.backend.catalog.schema.CatalogEnums.HairColor;
import com.sartiq.hub.backend.catalog.schema.CatalogEnums.SubjectType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record SubjectsPublic(List<SubjectPublic> data, long count) {
}
