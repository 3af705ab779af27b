import Catalogue

/// Where the video files go inside a show's output folder, named after the episode file like the
/// chapters files, so they can't collide.
public enum VideoPaths {
  /// The folder that holds the video index and every video's page.
  public static let folder = "embed"
  /// The folder of a video's own page; its URL ends in `/`.
  public static func pageFolder(_ episode: Episode) -> String { "\(folder)/\(episode.fileBase)/" }
  public static func page(_ episode: Episode) -> String { pageFolder(episode) + "index.html" }
  public static func oEmbed(_ episode: Episode) -> String { pageFolder(episode) + "oembed.json" }
  /// The video's transcript as a page to read, next to the video's page.
  public static func transcriptPage(_ episode: Episode) -> String { pageFolder(episode) + "transcript.html" }
  /// A copy of a local image (a poster) that the video index shows: `embed/images/<its path in the show folder>`.
  public static func image(_ path: String) -> String { "\(folder)/images/" + path }
  public static let index = "\(folder)/index.html"
  public static let script = "\(folder)/embed.js"
  public static let indexJSON = "\(folder)/index.json"
  public static let mediaRSS = "media.xml"
  public static let sitemap = "video-sitemap.xml"
}
