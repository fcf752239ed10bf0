//! citygraph-core: the domain model of city diplomacy and the graph algorithms over it.
//!
//! It owns the types every other crate speaks (`City`, `Network`, `Membership`, `Partnership` with
//! its dated `Event` history, `PartialDate`, the id newtypes), the valid-time rules (what was true on
//! a day), the in-memory [`snapshot::Snapshot`] of one graph version, and the algorithms in [`algo`].
//! It does no IO and knows nothing of sled, HTTP or async; serde is used only to derive the JSON
//! shape of the model, which is also the seed and export format.
//!
//! Start with [`model`] (entities and history rules), then [`date`] (the partial-date rule), then
//! [`snapshot`] (how changes are applied and checked).

pub mod algo;
pub mod date;
pub mod error;
pub mod id;
pub mod model;
#[cfg(feature = "openapi")]
mod openapi;
pub mod snapshot;

pub use date::{Day, PartialDate, Precision};
pub use error::{ApplyError, CoreError};
pub use id::{CityId, CountryCode, MembershipId, NetworkId, PartnershipId, Region};
pub use model::{
    City, Event, EventType, Membership, Network, Partnership, PartnershipKind, Status,
};
pub use snapshot::{Applied, Change, Snapshot};
