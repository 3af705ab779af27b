import Foundation

/// What was published, kept in `feeds/.podium/published.json` and committed with the feeds.
/// It is how a build knows that an episode's GUID or enclosure URL would change, or that a
/// published episode would disappear, and how a show keeps its `podcast:guid` for ever.
public struct PublicationRecord: Codable, Sendable, Equatable {
  public struct ShowRecord: Codable, Sendable, Equatable {
    public var podcastGUID: String
    public var feedURL: String
    /// By episode GUID.
    public var episodes: [String: EpisodeRecord]
    /// Every `podcast:liveItem` the feed ever carried, by GUID, kept after it leaves show.yaml:
    /// apps know the stream by that GUID, so no later episode may take it. Absent when there are none.
    public var liveItems: [String: LiveItemRecord]?

    public init(
      podcastGUID: String, feedURL: String, episodes: [String: EpisodeRecord] = [:], liveItems: [String: LiveItemRecord]? = nil
    ) {
      self.podcastGUID = podcastGUID
      self.feedURL = feedURL
      self.episodes = episodes
      self.liveItems = liveItems
    }
  }

  /// A live item as it was published: what tells it apart when its GUID changes.
  public struct LiveItemRecord: Codable, Sendable, Equatable {
    public var title: String
    /// The stream's URL (its enclosure).
    public var stream: String
    public var start: String

    public init(title: String, stream: String, start: String) {
      self.title = title
      self.stream = stream
      self.start = start
    }
  }

  public struct EpisodeRecord: Codable, Sendable, Equatable {
    /// The episode file, relative to the catalogue, when it was last published.
    public var file: String
    /// The podcast enclosure's URL; `nil` for a video that is only on YouTube or Vimeo, which no
    /// podcast app has downloaded.
    public var enclosure: String?
    public var date: String

    public init(file: String, enclosure: String?, date: String) {
      self.file = file
      self.enclosure = enclosure
      self.date = date
    }
  }

  public var version: Int
  /// By show slug.
  public var shows: [String: ShowRecord]

  public init(version: Int = 1, shows: [String: ShowRecord] = [:]) {
    self.version = version
    self.shows = shows
  }

  /// The record's path inside the output folder.
  public static let path = ".podium/published.json"

  /// The record as JSON, byte for byte what `JSONEncoder` writes with `.prettyPrinted`,
  /// `.sortedKeys` and `.withoutEscapingSlashes` (``RecordJSON``), written as it goes: the
  /// encoder first built a tree of values, some 50 MB for 100,000 episodes.
  public func encoded() throws -> Data {
    let json = RecordJSON()
    json.write(self)
    return json.data
  }

  public static func decode(_ data: Data) throws -> PublicationRecord {
    try JSONDecoder().decode(PublicationRecord.self, from: data)
  }
}
