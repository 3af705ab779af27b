/// A `podcast:image` beside the artwork: another aspect ratio or purpose (`social`, `banner`,
/// `canvas`), https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/image.md.
public struct PodcastImage: Sendable, Hashable, Codable {
  public var reference: MediaReference
  /// A text for people who can't see the image.
  public var alt: String?
  /// CSS syntax, `16/9`; from the file's size when it is local and none is given.
  public var aspectRatio: String?
  public var width: Int?
  public var height: Int?
  public var type: String?
  /// Space-separated tokens, `artwork social`.
  public var purpose: String?
  /// Line in the catalogue file, for findings.
  public var line: Int

  public init(reference: MediaReference, line: Int = 0) {
    self.reference = reference
    self.line = line
  }
}
