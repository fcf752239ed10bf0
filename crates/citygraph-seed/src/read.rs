//! Reading the raw sources: CSV/TSV readers with named columns, and Windows-1252 decoding.

use std::collections::BTreeMap;
use std::path::Path;

use csv::StringRecord;

use crate::error::SeedError;

/// Reads a whole file as bytes.
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, SeedError> {
    std::fs::read(path).map_err(|e| SeedError::read(path, e))
}

/// A CSV reader over a UTF-8 file (a leading byte-order mark is dropped).
pub(crate) fn csv_reader(path: &Path) -> Result<csv::Reader<std::io::Cursor<Vec<u8>>>, SeedError> {
    csv_reader_with(path, b',')
}

/// Like [`csv_reader`] with another delimiter (`;` in the thesis tables).
pub(crate) fn csv_reader_with(
    path: &Path,
    delimiter: u8,
) -> Result<csv::Reader<std::io::Cursor<Vec<u8>>>, SeedError> {
    let mut bytes = read_bytes(path)?;
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    Ok(csv_reader_from(bytes, delimiter))
}

/// A coordinate written with a decimal point or a decimal comma (`43,39864`).
pub(crate) fn coordinate(s: &str) -> Option<f64> {
    s.trim().replace(',', ".").parse().ok()
}

/// A reader over in-memory bytes with the given delimiter; rows may have varying lengths.
pub(crate) fn csv_reader_from(
    bytes: Vec<u8>,
    delimiter: u8,
) -> csv::Reader<std::io::Cursor<Vec<u8>>> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(std::io::Cursor::new(bytes))
}

/// Column positions by header name.
pub(crate) struct Columns {
    index: BTreeMap<String, usize>,
    headers: Vec<String>,
}

impl Columns {
    /// Reads the header row and checks that every `required` column is present.
    pub(crate) fn new<R: std::io::Read>(
        path: &Path,
        rdr: &mut csv::Reader<R>,
        required: &[&str],
    ) -> Result<Columns, SeedError> {
        let headers: Vec<String> = rdr
            .headers()
            .map_err(|e| SeedError::csv(path, e))?
            .iter()
            .map(|h| h.trim().to_owned())
            .collect();
        let mut index = BTreeMap::new();
        for (i, h) in headers.iter().enumerate() {
            index.entry(h.clone()).or_insert(i);
        }
        for r in required {
            if !index.contains_key(*r) {
                return Err(SeedError::MissingColumn {
                    path: path.to_owned(),
                    column: (*r).to_owned(),
                });
            }
        }
        Ok(Columns { index, headers })
    }

    /// The value of a column that [`Columns::new`] checked (empty when the row is short).
    pub(crate) fn get<'r>(&self, rec: &'r StringRecord, name: &str) -> &'r str {
        self.index
            .get(name)
            .and_then(|i| rec.get(*i))
            .map(str::trim)
            .unwrap_or("")
    }

    /// The header names in file order.
    pub(crate) fn headers(&self) -> &[String] {
        &self.headers
    }
}
