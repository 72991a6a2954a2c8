//! Local storage, used only to remember where the owner is in the troubleshooting flow.
//!
//! Every call tolerates a missing or blocked storage (private browsing, a full quota, an
//! embedded frame without storage access): remembering is a convenience, never a requirement.

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

pub fn save(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}
