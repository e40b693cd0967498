//! The streaming tagger against the reference one, natively.

#[path = "support/ner_stream.rs"]
mod ner_stream;

#[test]
fn streaming_tagger_matches_the_reference() {
    ner_stream::assert_streaming_tagger_matches_the_reference();
}
