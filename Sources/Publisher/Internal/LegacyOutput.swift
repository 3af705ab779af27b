import AtomicOutput
import Foundation
import FeedWriter
import VideoSite

/// What a Podium from before the manifest wrote into its output, which it marked only with
/// `.podium/published.json`: `feeds.opml`, and in the folder of each show its record names the
/// show's feeds and its chapters, transcripts and video pages. A build takes such an output over
/// only when it holds nothing else, so a producer's notes, a `.git` folder or a server's
/// `.htaccess` in a show's folder stop the build instead of going with the old output.
struct LegacyOutput {
  /// The shows the output's record names.
  let shows: Set<String>

  /// The layout of the output at `folder`, from the shows its record names (none when it can't be read).
  init(recordIn folder: URL) {
    let record = FileManager.default.contents(atPath: folder.path + "/" + PublicationRecord.path)
      .flatMap { try? PublicationRecord.decode($0) }
    shows = record.map { Set($0.shows.keys) } ?? []
  }

  private static let showFiles: Set<Substring> = [Substring(OutputPaths.feed), Substring(VideoPaths.mediaRSS), Substring(VideoPaths.sitemap)]
  private static let showFolders: Set<Substring> = [
    Substring(OutputPaths.chaptersFolder), Substring(OutputPaths.transcriptsFolder), Substring(VideoPaths.folder),
  ]

  /// Whether the entry at `path` (relative to the output, outside `.podium/`) is one Podium wrote.
  func owns(_ path: String, _ kind: FolderListing.Kind) -> Bool {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard shows.contains(String(parts[0])) else { return parts.count == 1 && kind == .file && path == OutputPaths.opml }
    // Podium names nothing with a leading dot; such a name is the producer's or a server's.
    guard kind == .file || kind == .folder, !parts.contains(where: { $0.first == "." }) else { return false }
    switch parts.count {
    case 1: return kind == .folder
    case 2: return kind == .file ? Self.showFiles.contains(parts[1]) : Self.showFolders.contains(parts[1])
    default: return Self.showFolders.contains(parts[1])
    }
  }
}
