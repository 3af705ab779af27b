internal import CLibXML2

/// `xmlInitParser()` must run once before threads parse concurrently; a global is initialised
/// exactly once, thread-safely, on first use.
let libxmlInitialized: Void = { xmlInitParser() }()
