//! The binary Trunk builds: installs the panic hook and mounts the app.

fn main() {
    // On the host there is nothing to run: the binary exists for the wasm32 build only, and
    // the host build covers the pure model through `cargo test`.
    #[cfg(target_arch = "wasm32")]
    jimei::start();
}
