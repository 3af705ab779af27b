import Diagnostics

/// What loading a catalogue gives: the catalogue, when it could be read, and every finding.
/// A catalogue with error-level findings must not be published.
public struct LoadResult: Sendable {
  public var catalogue: Catalogue?
  public var findings: [Finding]
  /// What the loader saw but could not load, and the folders it passed over.
  public var gaps: LoadGaps

  public init(catalogue: Catalogue?, findings: [Finding], gaps: LoadGaps = LoadGaps()) {
    self.catalogue = catalogue
    self.findings = findings
    self.gaps = gaps
  }
}
