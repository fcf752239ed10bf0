//! Handlers, one module per resource.

pub mod analytics;
pub mod cities;
pub mod dashboard;
pub mod graph;
pub mod jobs;
pub mod networks;
pub mod ops;
pub mod partnerships;
pub mod replace;

use citygraph_service::analytics::request::{QueryName, BOUNDS};
use utoipa::openapi::schema::Schema;
use utoipa::openapi::{OpenApi, RefOr};

/// The synchronous route of each query.
pub fn route_of(q: QueryName) -> &'static str {
    match q {
        QueryName::Centrality => "/v1/analytics/centrality",
        QueryName::Components => "/v1/analytics/components",
        QueryName::Path => "/v1/paths",
        QueryName::Neighbourhood => "/v1/cities/{id}/neighbourhood",
        QueryName::Overlap => "/v1/analytics/overlap",
        QueryName::TopPairs => "/v1/analytics/overlap/top",
        QueryName::Saturation => "/v1/analytics/saturation",
        QueryName::SaturationTimeline => "/v1/analytics/saturation/timeline",
        QueryName::SimilarCities => "/v1/cities/{id}/similar",
        QueryName::NetworkRecommendations => "/v1/cities/{id}/recommendations/networks",
        QueryName::Lapses => "/v1/analytics/lapses",
        QueryName::Survival => "/v1/analytics/survival",
        QueryName::Timeline => "/v1/analytics/timeline",
        QueryName::CityTimeline => "/v1/cities/{id}/timeline",
    }
}

fn number(v: f64) -> utoipa::Number {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        utoipa::Number::Int(v as isize)
    } else {
        utoipa::Number::Float(v)
    }
}

/// Writes the numeric bounds of the service's requests ([`BOUNDS`], the constants validation
/// uses) into the schemas of the query parameters they bound.
pub fn with_bounds(mut api: OpenApi) -> OpenApi {
    for b in BOUNDS {
        let Some(op) = api
            .paths
            .paths
            .get_mut(route_of(b.query))
            .and_then(|item| item.get.as_mut())
        else {
            continue;
        };
        for p in op.parameters.iter_mut().flatten() {
            let RefOr::T(p) = p else { continue };
            if p.name != b.param {
                continue;
            }
            if let Some(RefOr::T(Schema::Object(o))) = p.schema.as_mut() {
                o.minimum = b.minimum.map(number);
                o.maximum = b.maximum.map(number);
                o.exclusive_minimum = b.exclusive_minimum.map(number);
                o.exclusive_maximum = b.exclusive_maximum.map(number);
            }
        }
    }
    api
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bound_lands_on_a_documented_parameter() {
        let api = crate::openapi();
        for b in BOUNDS {
            let op = api.paths.paths[route_of(b.query)].get.as_ref().unwrap();
            let p = op
                .parameters
                .iter()
                .flatten()
                .find_map(|p| match p {
                    RefOr::T(p) if p.name == b.param => Some(p),
                    _ => None,
                })
                .unwrap_or_else(|| panic!("{} has no parameter {}", route_of(b.query), b.param));
            let Some(RefOr::T(Schema::Object(o))) = p.schema.as_ref() else {
                panic!("{} {} has no inline schema", route_of(b.query), b.param);
            };
            assert!(
                o.minimum.is_some() || o.exclusive_minimum.is_some(),
                "{} {}",
                route_of(b.query),
                b.param
            );
        }
    }
}
