/// A scheduled live event, written as `podcast:liveItem` in the show's feed.
/// https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/live-item.md
public struct LiveItem: Sendable, Hashable, Codable {
  public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
    case pending, live, ended
  }

  public var title: String
  /// Permanent, as an episode's: a new GUID is a new stream to apps.
  public var guid: String
  public var status: Status
  public var start: Timestamp
  public var end: Timestamp?
  /// The stream, an https URL.
  public var streamURL: String
  /// Its MIME type, `audio/mpeg` or `video/mp4` for most apps.
  public var streamType: String
  /// Where the stream can be followed in a browser; the spec requires at least one.
  public var contentLinks: [ContentLink]
  /// Line in show.yaml, for findings.
  public var line: Int

  public init(title: String, guid: String, status: Status, start: Timestamp, streamURL: String, streamType: String,
              contentLinks: [ContentLink], line: Int = 0) {
    self.title = title
    self.guid = guid
    self.status = status
    self.start = start
    self.streamURL = streamURL
    self.streamType = streamType
    self.contentLinks = contentLinks
    self.line = line
  }
}
