//! The main wasm module's entry point: mount the app and nothing else.

fn main() {
    fix1002::entry::app::mount_app();
}
