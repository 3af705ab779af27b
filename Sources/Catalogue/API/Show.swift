/// One show: its channel-level settings from `show.yaml`, and its episodes.
public struct Show: Sendable, Hashable, Codable {
  /// The folder name; also the show's folder in `feeds/`.
  public var slug: String
  /// `show.yaml`'s path relative to the catalogue, for findings.
  public var file: String
  public var title: String
  public var description: String
  public var language: String
  public var medium: Medium
  public var categories: [Category]
  public var explicit: Bool
  public var type: ShowType
  public var artwork: MediaReference
  public var author: String
  public var link: String?
  public var keywords: [String]
  public var persons: [Person]
  public var funding: [Funding]
  public var license: License?
  public var locked: Bool
  public var ownerEmail: String?
  public var copyright: String?
  /// `podcast:guid` when the producer set it; otherwise it comes from the publication record.
  public var guid: String?
  public var complete: Bool
  public var block: Bool
  public var newFeedURL: String?
  public var location: Location?
  public var updateFrequency: String?
  public var txt: [TXTRecord]
  /// The other Podcasting 2.0 tags: images, podroll, value, chat, live items.
  public var podcasting = ShowPodcasting()
  /// `chapter_timestamps: true` appends each episode's chapters to its notes as `00:00 Title`
  /// lines, the form YouTube and Spotify read from a description.
  public var chapterTimestamps = false
  public var episodes: [Episode]
  /// Line of each key in `show.yaml`, for findings (`"artwork"` → 7).
  public var lines: [String: Int]

  public init(slug: String, file: String, title: String, description: String, language: String,
              artwork: MediaReference, author: String) {
    self.slug = slug
    self.file = file
    self.title = title
    self.description = description
    self.language = language
    self.medium = .podcast
    self.categories = []
    self.explicit = false
    self.type = .episodic
    self.artwork = artwork
    self.author = author
    self.keywords = []
    self.persons = []
    self.funding = []
    self.locked = false
    self.complete = false
    self.block = false
    self.txt = []
    self.episodes = []
    self.lines = [:]
  }
}

extension Show {
  /// Calls `body` with each episode's index and the episode where the array holds it.
  ///
  /// `for episode in episodes` copies each episode, retaining every reference it holds and
  /// releasing them again; the checks across a catalogue walk every episode of a network that way
  /// on every build (docs/performance.md). A `borrowing` episode can't be copied by mistake.
  @inlinable public func forEachEpisode(_ body: (Int, borrowing Episode) -> Void) {
    episodes.withUnsafeBufferPointer { buffer in
      for index in buffer.indices { body(index, buffer[index]) }
    }
  }
}

/// A `podcast:txt` record, such as Apple's ownership verification code.
public struct TXTRecord: Sendable, Hashable, Codable {
  public var purpose: String?
  public var value: String

  public init(purpose: String?, value: String) {
    self.purpose = purpose
    self.value = value
  }
}
