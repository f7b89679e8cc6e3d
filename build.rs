//! Release builds for the browser are cut into several wasm files after linking (see
//! ARCHITECTURE.md, "Split wasm"). This turns on the code that marks the cut points and keeps
//! the relocations the cutting tool reads. Debug builds and tests stay one file.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(jimei_split)");
    println!("cargo::rerun-if-env-changed=JIMEI_NO_SPLIT");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    let release = std::env::var("PROFILE").as_deref() == Ok("release");
    // JIMEI_NO_SPLIT=1 gives the one-file release build, to measure against.
    if wasm && release && std::env::var_os("JIMEI_NO_SPLIT").is_none() {
        println!("cargo::rustc-cfg=jimei_split");
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
}
