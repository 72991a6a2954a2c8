//! Which values are secrets: one rule for detail elements, HTTP headers and the credentials a
//! Sonos request carries, so the screen hides them until asked and the copied report never
//! holds them. A hidden value says only that it is present: not even its length.

/// What is shown in place of a secret.
pub const HIDDEN: &str = "present, hidden";

/// Whether an element (or JSON key) of this name holds a secret. Any namespace prefix is
/// ignored, and so is case: services spell `authToken`, `AuthToken` and `AUTH_TOKEN`.
pub fn is_secret_name(name: &str) -> bool {
    let local = name.rsplit([':', '/']).next().unwrap_or(name);
    let folded: String = local
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    const EXACT: &[&str] = &["sessionid", "password", "passwd", "secret", "credentials"];
    const ENDINGS: &[&str] = &["token", "key", "secret", "password", "passwd", "sessionid"];
    EXACT.contains(&folded.as_str()) || ENDINGS.iter().any(|end| folded.ends_with(end))
}

/// Whether a credentials element (or detail element) of this name identifies the user's
/// household or device: not a secret, but text meant for a ticket should not carry it, so the
/// copied report hides it like a secret (issue 24). The screen, on the developer's own device,
/// shows it.
pub fn is_identifier_name(name: &str) -> bool {
    let local = name.rsplit([':', '/']).next().unwrap_or(name);
    local.eq_ignore_ascii_case("householdId") || local.eq_ignore_ascii_case("deviceId")
}

/// Whether an HTTP header of this name carries a secret: credentials, cookies, and any
/// header named like a secret element (`X-Api-Key`, `X-Auth-Token`).
pub fn is_secret_header(name: &str) -> bool {
    let lower = name.trim().to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "authorization" | "proxy-authorization" | "cookie" | "set-cookie"
    ) || is_secret_name(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_element_names_are_found_whatever_their_case_or_prefix() {
        for name in [
            "authToken",
            "ns:AuthToken",
            "privateKey",
            "refreshToken",
            "token",
            "TOKEN",
            "sessionId",
            "password",
            "key",
            "apiKey",
            "client_secret",
            "access_token",
        ] {
            assert!(is_secret_name(name), "{name}");
        }
        for name in [
            "ExceptionInfo",
            "SonosError",
            "userInfo",
            "householdId",
            "deviceId",
            "keyword",
            "nickname",
        ] {
            assert!(!is_secret_name(name), "{name}");
        }
    }

    #[test]
    fn household_and_device_ids_are_identifiers_whatever_their_prefix_or_case() {
        for name in [
            "householdId",
            "credentials/deviceId",
            "ns:HouseholdID",
            "DEVICEID",
        ] {
            assert!(is_identifier_name(name), "{name}");
        }
        for name in ["userId", "device", "householdName", "loginToken/token"] {
            assert!(!is_identifier_name(name), "{name}");
        }
    }

    #[test]
    fn secret_headers_include_cookies_and_credentials() {
        for name in [
            "Authorization",
            "cookie",
            "Set-Cookie",
            "X-Api-Key",
            "X-Auth-Token",
        ] {
            assert!(is_secret_header(name), "{name}");
        }
        for name in ["Content-Type", "SOAPAction", "Date"] {
            assert!(!is_secret_header(name), "{name}");
        }
    }
}
