//! Release builds for the browser are cut into several wasm files after linking (see
//! ARCHITECTURE.md, "Split wasm"). This turns on the code that marks the cut points and keeps
//! the relocations the cutting tool reads. Debug builds and tests stay one file.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(jimei_split)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    let release = std::env::var("PROFILE").as_deref() == Ok("release");
    if wasm && release {
        println!("cargo::rustc-cfg=jimei_split");
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
}
