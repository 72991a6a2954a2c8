//! The SMAPI fault decoder: pasted text in, faults and conformance findings out.
//!
//! Pure functions over `&str`: nothing here knows about the browser, and nothing pasted is
//! stored or sent anywhere. The decoder arrives with the fault-decoding issue; this module
//! marks the boundary the "Decode a fault" section calls through.
