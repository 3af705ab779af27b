import Catalogue

/// Where files go inside a show's output folder. One place, so the feed's URLs and the files the
/// build writes can't disagree.
public enum OutputPaths {
  public static let feed = "feed.xml"
  /// At the top of the output folder; the catalogue refuses a show folder of this name.
  public static let opml = Catalogue.opmlFile

  public static let chaptersFolder = "chapters"
  public static let transcriptsFolder = "transcripts"

  /// Named after the episode file (date and slug), which is unique within a show.
  public static func chapters(_ episode: Episode) -> String { "\(chaptersFolder)/\(episode.fileBase).json" }

  /// The WebVTT chapters beside the JSON ones, for `<track kind="chapters">`.
  public static func chaptersVTT(_ episode: Episode) -> String { "\(chaptersFolder)/\(episode.fileBase).vtt" }

  public static func transcript(_ transcript: Transcript) -> String { "\(transcriptsFolder)/\(transcript.outputName)" }
}
