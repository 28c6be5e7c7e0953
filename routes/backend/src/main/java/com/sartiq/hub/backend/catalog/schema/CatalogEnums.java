package com.sartiq.hub.backend.catalog.schema;

/**
 * The catalog's string enums. The docs name them and show their labels ("Full Body", "Middle Age")
 * but not their machine values; the wire values are these upper-case names (docs/API.md).
 */
public final class CatalogEnums {

    private CatalogEnums() {
    }

    public enum ProductFamily { APPAREL, FOOTWEAR, ACCESSORIES, BEAUTY }

    public enum SubjectType { AI, REAL }

    public enum Gender { MALE, FEMALE, OTHER }

    public enum AgeClass { KID, TEEN, YOUNG, MIDDLE_AGE, ELDER }

    public enum BodyType { SLIM, ATHLETIC, AVERAGE, CURVY, PLUS_SIZE }

    public enum EyeColor { BROWN, BLUE, GREEN, HAZEL, GREY, AMBER, OTHER }

    public enum HairColor { BLACK, BROWN, BLONDE, RED, GREY, WHITE, OTHER }

    public enum Framing { FULL_BODY, UPPER_BODY, LOWER_BODY, UPPER_THREE_QUARTERS, LOWER_THREE_QUARTERS, DETAIL }

    public enum ViewAngle { FRONT, BACK, SIDE }

    public enum FileFormat { WEBP, JPEG, PNG }
}
