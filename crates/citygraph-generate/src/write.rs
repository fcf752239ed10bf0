//! The CSV layout, byte for byte.
//!
//! ```text
//! cities.csv        id,name,country,region,subregion,lat,lon,population   c17,City-17,FR,europe,Western Europe,47.1234,3.5000,51234
//! networks.csv      id,name,kind,region,founded                           n7,EliteNet-7,elite,,2003
//! memberships.csv   city,network,joined,left                              c17,n7,2004,
//! partnerships.csv  a,b,established,lapsed                                c17,c90,1962,1991
//! ```
//!
//! Cities are written in id order (`c0`, `c1`, ...), networks in id order, memberships and links
//! in random order. Coordinates have four decimals (Rust's exact decimal formatting of the
//! double); an empty field is an absent value (a regional network's region is set, a global or
//! elite one's is empty). Lines end with `\n`; fields never need quoting.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::geo::SUBREGIONS;
use crate::{Dataset, GenerateError, Phase, Progress, Summary};

const REPORT_EVERY: usize = 1 << 16;

/// Writes one file through a `.partial` sibling, renamed into place once complete.
fn write_file(
    dir: &Path,
    name: &str,
    body: impl FnOnce(&mut BufWriter<File>) -> io::Result<()>,
) -> Result<(), GenerateError> {
    let path = dir.join(name);
    let tmp = dir.join(format!("{name}.partial"));
    let io_err = |source| GenerateError::Io {
        path: path.clone(),
        source,
    };
    let file = File::create(&tmp).map_err(io_err)?;
    let mut w = BufWriter::with_capacity(1 << 20, file);
    body(&mut w).map_err(io_err)?;
    w.into_inner().map_err(|e| io_err(e.into_error()))?;
    std::fs::rename(&tmp, &path).map_err(io_err)
}

/// A small buffer of integer formatting.
struct Ints(itoa::Buffer);

impl Ints {
    fn put(&mut self, w: &mut impl Write, x: impl itoa::Integer) -> io::Result<()> {
        w.write_all(self.0.format(x).as_bytes())
    }
    /// A row `{pa}{a},{pb}{b},{from},{to}` (a membership or a link); `to` 0 is left empty.
    fn dated_pair(
        &mut self,
        w: &mut impl Write,
        (pa, a): (&[u8], u32),
        (pb, b): (&[u8], u32),
        from: i32,
        to: i32,
    ) -> io::Result<()> {
        w.write_all(pa)?;
        self.put(w, a)?;
        w.write_all(b",")?;
        w.write_all(pb)?;
        self.put(w, b)?;
        w.write_all(b",")?;
        self.put(w, from)?;
        w.write_all(b",")?;
        if to != 0 {
            self.put(w, to)?;
        }
        w.write_all(b"\n")
    }
}

pub(crate) fn write_dir(
    d: &Dataset,
    dir: &Path,
    progress: &Progress,
) -> Result<Summary, GenerateError> {
    std::fs::create_dir_all(dir).map_err(|source| GenerateError::Io {
        path: dir.to_owned(),
        source,
    })?;
    let world = &d.world;
    let n = world.len();
    let total = (n + d.networks.len() + d.memberships.len() + d.links.len()) as u64;
    let mut done = 0u64;
    // One CSV file: the header, then `rows` rows written by `row`.
    let mut table =
        |name: &str,
         header: &[u8],
         rows: usize,
         row: &mut dyn FnMut(&mut BufWriter<File>, usize) -> io::Result<()>| {
            write_file(dir, name, |w| {
                w.write_all(header)?;
                for k in 0..rows {
                    row(w, k)?;
                    done += 1;
                    if k & (REPORT_EVERY - 1) == 0 {
                        progress.report(Phase::Writing, done, total);
                    }
                }
                Ok(())
            })
        };
    let mut ints = Ints(itoa::Buffer::new());

    let mut internal = vec![0u32; n];
    for (i, &e) in world.ext_id.iter().enumerate() {
        internal[e as usize] = i as u32;
    }
    table(
        "cities.csv",
        b"id,name,country,region,subregion,lat,lon,population\n",
        n,
        &mut |w, e| {
            let i = internal[e] as usize;
            let country = &world.countries[usize::from(world.city_country[i])];
            let sub = &SUBREGIONS[usize::from(country.sub)];
            w.write_all(b"c")?;
            ints.put(w, e)?;
            w.write_all(b",City-")?;
            ints.put(w, e)?;
            write!(
                w,
                ",{},{},{},{:.4},{:.4},",
                country.iso,
                sub.region.as_str(),
                sub.name,
                world.lat[i],
                world.lon[i]
            )?;
            ints.put(w, world.pop[i])?;
            w.write_all(b"\n")
        },
    )?;
    table(
        "networks.csv",
        b"id,name,kind,region,founded\n",
        d.networks.len(),
        &mut |w, j| {
            let r = &d.networks[j];
            w.write_all(b"n")?;
            ints.put(w, j)?;
            write!(w, ",{}Net-", r.kind.title())?;
            ints.put(w, j)?;
            let region = r.region.map_or("", |x| x.as_str());
            write!(w, ",{},{},", r.kind.as_str(), region)?;
            ints.put(w, r.founded)?;
            w.write_all(b"\n")
        },
    )?;
    table(
        "memberships.csv",
        b"city,network,joined,left\n",
        d.memberships.len(),
        &mut |w, k| {
            let m = &d.memberships[k];
            ints.dated_pair(w, (b"c", m.city), (b"n", m.network), m.joined, m.left)
        },
    )?;
    table(
        "partnerships.csv",
        b"a,b,established,lapsed\n",
        d.links.len(),
        &mut |w, k| {
            let l = &d.links[k];
            ints.dated_pair(w, (b"c", l.a), (b"c", l.b), l.established, l.lapsed)
        },
    )?;

    let summary = d.summary();
    write_file(dir, "summary.json", |w| {
        serde_json::to_writer_pretty(&mut *w, &summary)?;
        w.write_all(b"\n")
    })?;
    progress.report(Phase::Writing, total, total);
    Ok(summary)
}
