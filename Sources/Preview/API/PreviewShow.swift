/// A show as the preview serves it: the local addresses to paste into a podcast app or a browser.
public struct PreviewShow: Sendable, Hashable {
  public var slug: String
  public var title: String
  /// The podcast feed.
  public var feedURL: String
  /// The Media RSS feed, for a show with video.
  public var mediaRSSURL: String?
  /// The video index (`embed/`), for a show with video.
  public var videoIndexURL: String?
}
