/// An episode's Podcasting 2.0 tags beyond the basics (docs/catalogue.md): in one value, so
/// `Episode` gains one field for all of them.
public struct EpisodePodcasting: Sendable, Hashable, Codable {
  public var soundbites: [Soundbite] = []
  public var value: ValueBlock?
  public var socialInteract: [SocialInteract] = []
  public var contentLinks: [ContentLink] = []
  public var images: [PodcastImage] = []

  public init() {}

  /// Nothing set: the common case, kept cheap to test.
  public var isEmpty: Bool { self == EpisodePodcasting() }
}
