import Diagnostics

/// What loading a catalogue gives: the catalogue, when it could be read, and every finding.
/// A catalogue with error-level findings must not be published.
public struct LoadResult: Sendable {
  public var catalogue: Catalogue?
  public var findings: [Finding]

  public init(catalogue: Catalogue?, findings: [Finding]) {
    self.catalogue = catalogue
    self.findings = findings
  }
}
