//! Any bytes, as a dropped file would arrive: decoding must never panic, and a successful
//! decode always holds at least one fault.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = fix1002::fault::decode_bytes(data) {
        assert!(!decoded.faults.is_empty());
        // Rendering the report touches every field of every fault.
        let options = fix1002::fault::explain::Choices {
            context: fix1002::fault::messages::Context::Streaming,
            names: fix1002::fault::messages::Names::default(),
            strings: None,
            language: "en-US",
        };
        let _ = fix1002::fault::report::plain_text(&decoded, &options);
    }
});
