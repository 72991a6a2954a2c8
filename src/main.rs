//! The main wasm module's entry point: mount the app and nothing else.

fn main() {
    fix1002_web::entry::app::mount_app();
}
