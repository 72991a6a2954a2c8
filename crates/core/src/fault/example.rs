//! A small example for the decoder: what a developer new to the tool can try first, and what
//! the decoder module runs once after it starts, so that the browser has compiled the decoding
//! code before the first real paste (see `entry::decoder_warm_up`).

/// Three exchanges from a controller log (a made-up service, "Acme Music"): an expired token,
/// a successful response, and a fault whose code Sonos does not define.
pub const EXAMPLE_LOG: &str = r#"<ApplicationData><Time>2026-11-20 18:02:11</Time><Service>Acme Music</Service>
<Response><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client.AuthTokenExpired</faultcode><faultstring>The access token has expired</faultstring><detail><refreshAuthTokenResult><authToken>new-token</authToken><privateKey>new-key</privateKey></refreshAuthTokenResult></detail></s:Fault></s:Body></s:Envelope></Response></ApplicationData>
<ApplicationData><Time>2026-11-20 18:02:12</Time><Service>Acme Music</Service>
<Response><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><getMetadataResponse xmlns="http://www.sonos.com/Services/1.1"/></s:Body></s:Envelope></Response></ApplicationData>
<ApplicationData><Time>2026-11-20 18:04:37</Time><Service>Acme Music</Service>
<Response><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Server.QuotaExceeded</faultcode><faultstring>Too many requests</faultstring></s:Fault></s:Body></s:Envelope></Response></ApplicationData>
"#;
