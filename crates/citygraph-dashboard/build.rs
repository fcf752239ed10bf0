//! Rebuilds the crate when the embedded bundle changes: `include_dir!` does not tell cargo which
//! files it read, so without this a new `dist/` would not reach the binary.
fn main() {
    println!("cargo:rerun-if-changed=dist");
}
