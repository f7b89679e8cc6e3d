//! Lays out generated guides of growing size and prints the times (filled in by the layout work).
fn main() {}
