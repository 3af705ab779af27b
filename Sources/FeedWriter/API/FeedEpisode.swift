import Catalogue
import ShowNotes

/// An episode ready for the feed: its show notes rendered once, shared by every writer.
public struct FeedEpisode: Sendable {
  public var episode: Episode
  public var notes: RenderedNotes

  public init(episode: Episode, notes: RenderedNotes) {
    self.episode = episode
    self.notes = notes
  }
}
