import Catalogue

/// Where the video files go inside a show's output folder, named after the episode file like the
/// chapters files, so they can't collide.
public enum VideoPaths {
  /// The folder of a video's own page; its URL ends in `/`.
  public static func pageFolder(_ episode: Episode) -> String { "embed/\(episode.fileBase)/" }
  public static func page(_ episode: Episode) -> String { pageFolder(episode) + "index.html" }
  public static func oEmbed(_ episode: Episode) -> String { pageFolder(episode) + "oembed.json" }
  public static let index = "embed/index.html"
  public static let indexJSON = "embed/index.json"
  public static let mediaRSS = "media.xml"
  public static let sitemap = "video-sitemap.xml"
}
