/// A show's Podcasting 2.0 tags beyond the basics (docs/catalogue.md): in one value, so `Show`
/// gains one field for all of them.
public struct ShowPodcasting: Sendable, Hashable, Codable {
  /// The artwork's pixel width, read from a local file, for its `podcast:image`.
  public var artworkWidth: Int?
  /// The artwork's description, for people who can't see it.
  public var artworkAlt: String?
  /// Images beside the artwork: other ratios and purposes.
  public var images: [PodcastImage] = []
  /// Shows the producer recommends.
  public var podroll: [RemoteItem] = []
  public var publisher: RemoteItem?
  public var schedule: UpdateSchedule?
  public var chat: Chat?
  public var value: ValueBlock?
  /// Services asked not to list the show (`podcast:block id="…"`), beside `block`, which asks all.
  public var blockedServices: [String] = []
  public var socialInteract: [SocialInteract] = []
  public var liveItems: [LiveItem] = []

  public init() {}
}
