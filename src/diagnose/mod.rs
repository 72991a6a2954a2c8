//! The diagnosis engine: answers in, the next question or a ranked fix plan out.
//!
//! Every screen of the troubleshooting flow is a pure function of the knowledge base and the
//! answers given so far, so the answers are the whole state: they live in the URL and can be
//! replayed anywhere, including in native tests. The engine itself arrives with the
//! troubleshooting issue; this module marks the boundary the UI calls through.
