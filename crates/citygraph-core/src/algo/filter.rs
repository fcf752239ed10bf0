//! The common filter of time-dependent reads: an `as_of` day and optional restrictions.

use crate::date::Day;
use crate::id::{CountryCode, NetworkId, Region};
use crate::model::{City, Membership, Partnership, PartnershipKind, Status};
use crate::snapshot::Snapshot;

/// What a read looks at: the graph as it was on `as_of`, optionally restricted.
///
/// - `region`, `country`: only cities of that region / country (a link is kept when both ends are);
/// - `kind`: only partnerships of that kind;
/// - `network`: only cities that are members of that network on `as_of`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Filter {
    pub as_of: Day,
    pub region: Option<Region>,
    pub country: Option<CountryCode>,
    pub kind: Option<PartnershipKind>,
    pub network: Option<NetworkId>,
}

impl Filter {
    /// No restriction, on `as_of`.
    pub fn on(as_of: Day) -> Filter {
        Filter {
            as_of,
            region: None,
            country: None,
            kind: None,
            network: None,
        }
    }

    /// Whether a city passes the region, country and network restrictions.
    pub fn city_included(&self, snap: &Snapshot, city: &City) -> bool {
        if self.region.is_some_and(|r| r != city.region) {
            return false;
        }
        if self.country.is_some_and(|c| c != city.country) {
            return false;
        }
        if let Some(net) = &self.network {
            return snap
                .memberships_of(city.id.as_str())
                .any(|m| m.network == *net && m.in_force_on(self.as_of));
        }
        true
    }

    /// The status of `p` on `as_of` if it passes the kind restriction and exists on that day
    /// (both ends are *not* checked here; see [`Filter::city_included`]).
    pub fn partnership_status(&self, p: &Partnership) -> Option<Status> {
        if self.kind.is_some_and(|k| k != p.kind) {
            return None;
        }
        p.status_on(self.as_of)
    }

    /// Whether a membership is in force on `as_of`.
    pub fn membership_in_force(&self, m: &Membership) -> bool {
        m.in_force_on(self.as_of)
    }
}
