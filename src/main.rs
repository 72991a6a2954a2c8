//! The browser entry point: mount the app and nothing else.

fn main() {
    fix1002::web::mount::mount_app();
}
