import MediaProbe

/// An episode's main media file, as the feed's `<enclosure>` and `itunes:duration` give it.
public struct Enclosure: Sendable, Hashable, Codable {
  public var reference: MediaReference
  /// Size in bytes.
  public var length: Int64
  /// MIME type.
  public var type: String
  /// Whole seconds.
  public var duration: Int
  /// `sha384-…` (Subresource Integrity) of the bytes published, as the producer gives it for a
  /// remote file; the feed writer computes a local file's.
  public var integrity: String?
  /// What the file itself holds, for local files: the truth the declared values are checked against.
  public var probe: MediaInfo? {
    get { probeBox?.info }
    set { probeBox = newValue.map(ProbeBox.init) }
  }

  /// Kept out of line: `MediaInfo` is large, and episodes are copied often.
  private var probeBox: ProbeBox?

  public init(reference: MediaReference, length: Int64, type: String, duration: Int) {
    self.reference = reference
    self.length = length
    self.type = type
    self.duration = duration
  }
}

