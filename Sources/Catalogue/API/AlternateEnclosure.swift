import MediaProbe

/// Another rendition of an episode's media (`podcast:alternateEnclosure`): a WebM or an HLS
/// stream of a video, or an audio-only version. The main `media` stays the `<enclosure>`.
public struct AlternateEnclosure: Sendable, Hashable, Codable {
  public var reference: MediaReference
  public var type: String
  /// Bytes; unknown for streams.
  public var length: Int64?
  /// A short label apps show, at most 32 characters.
  public var title: String?
  /// Language, BCP 47, when the rendition is in another language.
  public var language: String?
  /// `sha384-…` of the bytes published, for a remote file, as for ``Enclosure/integrity``.
  public var integrity: String?
  /// What the file holds, for local files.
  public var probe: MediaInfo? {
    get { probeBox?.info }
    set { probeBox = newValue.map(ProbeBox.init) }
  }

  private var probeBox: ProbeBox?
  /// Line in the episode file, for findings.
  public var line: Int

  public init(reference: MediaReference, type: String, length: Int64? = nil, title: String? = nil,
              language: String? = nil, line: Int = 0) {
    self.reference = reference
    self.type = type
    self.length = length
    self.title = title
    self.language = language
    self.line = line
  }
}

