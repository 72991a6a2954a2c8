//! The adversarial shapes that once made the decoder's time or memory grow faster than its
//! input (tests/support/shapes.rs). Speed is measured by `make bench`, never here: these tests
//! check the structure that keeps the cost linear: lists capped with a count, envelope facts
//! shared rather than copied, and a depth cap with its own message.

#[path = "support/shapes.rs"]
mod shapes;

use std::sync::Arc;

use fix1002_core::fault::envelope::{MAX_DEPTH, MAX_DETAIL_ROWS, MAX_LISTED};
use fix1002_core::fault::{decode, DecodeError};

const SIZE: usize = 256 * 1024;

#[test]
fn faults_share_one_copy_of_their_envelope_and_its_extras_are_capped() {
    let decoded = decode(&shapes::stray_body_elements_and_faults(SIZE)).unwrap();
    assert!(decoded.faults.len() > 1000);
    let first = decoded.faults[0].envelope.as_ref().unwrap();
    assert!(decoded
        .faults
        .iter()
        .all(|f| Arc::ptr_eq(f.envelope.as_ref().unwrap(), first)));
    assert_eq!(first.body_extras.items().len(), MAX_LISTED);
    let extras = SIZE / 2 / "<extra/>".len();
    assert!(first.body_extras.more() + MAX_LISTED >= extras - 16);
    // Every fault reports the extras once, listing the first few and counting the rest.
    let finding = decoded.faults[500]
        .findings
        .iter()
        .find(|f| f.tag == "body-extra-content")
        .unwrap();
    assert!(finding
        .found
        .ends_with(&format!("and {} more.", first.body_extras.more())));
    assert!(Arc::ptr_eq(
        &finding.found,
        &decoded.faults[0]
            .findings
            .iter()
            .find(|f| f.tag == "body-extra-content")
            .unwrap()
            .found
    ));
}

#[test]
fn nesting_past_the_cap_is_refused_with_its_own_message() {
    for input in [
        shapes::deep_nesting_in_a_fault(SIZE),
        shapes::deep_path_above_many_leaves(SIZE, 2000),
    ] {
        let error = decode(&input).unwrap_err();
        assert!(
            matches!(
                error,
                DecodeError::TooDeep {
                    limit: MAX_DEPTH,
                    ..
                }
            ),
            "{error}"
        );
        assert!(error.to_string().contains("more than 200 elements deep"));
    }
}

#[test]
fn detail_rows_past_the_cap_are_counted_not_kept() {
    for depth in [0, MAX_DEPTH - 10] {
        let input = shapes::deep_path_above_many_leaves(SIZE, depth);
        let leaves = input.matches("<leaf>").count();
        let decoded = decode(&input).unwrap();
        let other = &decoded.faults[0].detail.other;
        assert_eq!(other.items().len(), MAX_DETAIL_ROWS);
        assert_eq!(other.items().len() + other.more(), leaves);
        let (path, text) = &other.items()[0];
        assert_eq!(
            path.matches('/').count(),
            depth,
            "the path names every level"
        );
        assert_eq!(text, "v");
    }
}

#[test]
fn stray_elements_inside_a_fault_are_capped_too() {
    let mut input = String::from(
        "<s:Fault><faultcode>s:Client.ItemNotFound</faultcode><faultstring>x</faultstring>",
    );
    for _ in 0..5000 {
        input.push_str("<stray/>");
    }
    input.push_str("</s:Fault>");
    let fault = &decode(&input).unwrap().faults[0];
    assert_eq!(fault.stray_elements.items().len(), MAX_LISTED);
    assert_eq!(fault.stray_elements.more(), 5000 - MAX_LISTED);
    let finding = fault
        .findings
        .iter()
        .find(|f| f.tag == "fault-unexpected-element")
        .unwrap();
    assert!(finding
        .found
        .contains(&format!("and {} more", 5000 - MAX_LISTED)));
}

#[test]
fn the_recognised_detail_fields_are_read_even_after_the_rows_are_full() {
    let rows = "<row>v</row>".repeat(MAX_DETAIL_ROWS + 50);
    let input = format!(
        "<Fault><faultcode>Client.LoginUnsupported</faultcode><faultstring>x</faultstring><detail>{rows}<ExceptionInfo>tier=free</ExceptionInfo><SonosError>27</SonosError></detail></Fault>"
    );
    let detail = &decode(&input).unwrap().faults[0].detail;
    assert_eq!(detail.other.more(), 50);
    assert_eq!(detail.exception_info.as_deref(), Some("tier=free"));
    assert_eq!(detail.sonos_error.as_deref(), Some("27"));
}

#[test]
fn the_paste_shapes_decode_every_fault_of_the_traffic_they_hold() {
    use fix1002_core::fault::InputKind;
    // The ordinary log's traffic at this size holds this many faults, a tenth of its entries.
    let faults = decode(&shapes::ordinary_log(SIZE)).unwrap().faults.len();
    assert!(faults > 10);
    for (input, kind) in [
        (shapes::curl_trace_ascii(SIZE), InputKind::CurlTrace),
        (shapes::wget_s(SIZE), InputKind::Wget),
        (shapes::json_lines_log(SIZE), InputKind::JsonLog),
        (shapes::json_lines_all_faults(SIZE), InputKind::JsonLog),
        (shapes::every_line_prefixed(SIZE), InputKind::Log),
        (
            shapes::bom_crlf_pretty_response(SIZE),
            InputKind::HttpResponse,
        ),
    ] {
        let decoded = decode(&input).unwrap_or_else(|e| panic!("{kind:?}: {e}"));
        assert_eq!(decoded.kind, kind);
        // Each shape holds part of the ordinary log's bytes, so part of its faults.
        assert!(
            decoded.faults.len() >= faults / 3,
            "{kind:?}: {} faults",
            decoded.faults.len()
        );
        assert!(decoded
            .faults
            .iter()
            .all(|f| f.code.as_deref() == Some("ItemNotFound")));
    }
}

#[test]
fn one_huge_value_is_read_whole_and_explained_cut() {
    use fix1002_core::fault::explain::{explain, Choices, Origin};
    use fix1002_core::fault::messages::{Context, Names};
    let input = shapes::one_huge_value(SIZE);
    let decoded = decode(&input).unwrap();
    let fault = &decoded.faults[0];
    let length = fault.faultstring.as_ref().unwrap().len();
    assert!(length > SIZE - 200, "the decoder keeps the whole value");
    let choices = Choices {
        context: Context::Browse,
        names: Names::default(),
        strings: None,
        language: "",
    };
    let explanation = explain(fault, Origin::default(), &choices);
    let row = explanation.sections[0]
        .rows
        .iter()
        .find(|r| r.label == "faultstring")
        .unwrap();
    // What the card and the report draw is the cut start and the length, never megabytes.
    assert_eq!(row.long_length(), Some(length));
    assert!(row.shared_text().len() < 1_000);
}
