import Diagnostics

/// What a media file really holds, read from its bytes. Every field is optional because hostile
/// or truncated files may say nothing reliable; `findings` says what was wrong.
public struct MediaInfo: Sendable, Hashable, Codable {
  public var path: String
  public var container: Container?
  public var mimeType: String?
  /// Seconds.
  public var duration: Double?
  /// True when a read limit stopped the probe before the end and `duration` was scaled from the
  /// part it read (an MP3 without a Xing or VBRI header: exact for constant bit rate, close for
  /// variable); nil when it was measured.
  public var durationEstimated: Bool?
  /// File size in bytes.
  public var size: Int64
  /// Average bits per second.
  public var bitrate: Int?
  public var sampleRate: Int?
  public var channels: Int?
  public var width: Int?
  public var height: Int?
  public var frameRate: Double?
  /// RFC 6381 codec strings: `mp4a.40.2`, `avc1.64001f`, `mp3`, `opus`, `flac`.
  public var codecs: [String]
  /// MPEG-4: the `moov` box comes before `mdat`, so playback can start before the download ends.
  public var faststart: Bool?
  /// MP3: variable bit rate.
  public var variableBitrate: Bool?
  /// Images: `rgb`, `grayscale`, `cmyk`, `ycck`, `indexed`.
  public var colourModel: String?
  /// JPEG: progressive encoding.
  public var progressive: Bool?
  /// Images: an alpha channel.
  public var hasAlpha: Bool?
  public var tracks: [Track]
  public var chapters: [MediaChapter]
  public var artwork: [EmbeddedArtwork]
  /// Text tags by a common name: `title`, `artist`, `album`, `comment`, `date`.
  public var tags: [String: String]
  public var findings: [Finding]
  /// How many bytes the probe read, to keep probes cheap on long files.
  public var bytesRead: Int64

  public init(path: String, size: Int64) {
    self.path = path
    self.size = size
    self.codecs = []
    self.tracks = []
    self.chapters = []
    self.artwork = []
    self.tags = [:]
    self.findings = []
    self.bytesRead = 0
  }
}

/// The container or file format, detected from the content, never from the name.
public enum Container: String, Sendable, Hashable, Codable, CaseIterable {
  case mp3, mp4, ogg, flac, wav, webm, matroska, jpeg, png, webp, webvtt, srt
}

/// One track of a multi-track container.
public struct Track: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Hashable, Codable { case audio, video, text, other }
  public var kind: Kind
  public var codec: String?
  public var duration: Double?
  public var sampleRate: Int?
  public var channels: Int?
  public var width: Int?
  public var height: Int?
  public var frameRate: Double?
  public var language: String?

  public init(kind: Kind) { self.kind = kind }
}

/// A chapter found in the file (ID3 CHAP, Nero chpl, a QuickTime chapter track, cues in VTT).
public struct MediaChapter: Sendable, Hashable, Codable {
  public var start: Double
  public var end: Double?
  public var title: String?

  public init(start: Double, end: Double? = nil, title: String? = nil) {
    self.start = start
    self.end = end
    self.title = title
  }
}

/// A picture embedded in the file (ID3 APIC, MP4 covr, FLAC PICTURE).
public struct EmbeddedArtwork: Sendable, Hashable, Codable {
  public var mimeType: String?
  public var width: Int?
  public var height: Int?
  public var size: Int

  public init(mimeType: String?, width: Int? = nil, height: Int? = nil, size: Int) {
    self.mimeType = mimeType
    self.width = width
    self.height = height
    self.size = size
  }
}
