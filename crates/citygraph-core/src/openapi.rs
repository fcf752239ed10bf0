//! Hand-written OpenAPI schemas of the types whose JSON form is a constrained string.

use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;

pub(crate) fn string_schema(description: &str, pattern: &str) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
        .pattern(Some(pattern))
        .into()
}

pub(crate) fn slug_schema(description: &str) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
        .pattern(Some("^[a-z0-9][a-z0-9-]*$"))
        .max_length(Some(128))
        .into()
}

/// A string schema that is one of `values` (and matches `pattern`, for readers of the document).
pub(crate) fn enum_schema<'a>(
    description: &str,
    pattern: &str,
    values: impl Iterator<Item = &'a str>,
) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
        .pattern(Some(pattern))
        .enum_values(Some(values))
        .into()
}
