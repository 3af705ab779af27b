import Catalogue

/// Where the video files go inside a show's output folder, named after the episode file like the
/// chapters files, so they can't collide.
public enum VideoPaths {
  /// The folder of a video's own page; its URL ends in `/`.
  public static func pageFolder(_ episode: Episode) -> String { "embed/\(episode.fileBase)/" }
  public static func page(_ episode: Episode) -> String { pageFolder(episode) + "index.html" }
  public static func oEmbed(_ episode: Episode) -> String { pageFolder(episode) + "oembed.json" }
  /// A copy of a local image (a poster) that the video index shows: `embed/images/<its path in the show folder>`.
  public static func image(_ path: String) -> String { "embed/images/" + path }
  public static let index = "embed/index.html"
  public static let script = "embed/embed.js"
  public static let indexJSON = "embed/index.json"
  public static let mediaRSS = "media.xml"
  public static let sitemap = "video-sitemap.xml"
}
