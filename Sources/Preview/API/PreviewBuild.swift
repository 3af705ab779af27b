import Publisher

/// One build of the preview: the first when the server starts, then one for each change to the catalogue.
public struct PreviewBuild: Sendable {
  /// 1 for the first build, counting up.
  public var number: Int
  /// The build's findings, as `podium build` reports them.
  public var report: BuildReport
  /// Why the build could not write its output, when it threw instead of reporting.
  public var error: String?
  /// The shows being served: this build's when it succeeded, the last good one's otherwise.
  public var shows: [PreviewShow]

  /// Whether this build is the one being served now.
  public var succeeded: Bool { error == nil && !report.blocksPublishing(strict: false) && !report.written.isEmpty }
}
