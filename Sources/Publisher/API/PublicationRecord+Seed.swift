import AtomicOutput
import Catalogue
import Foundation

extension PublicationRecord.EpisodeRecord {
  /// What a build records for a published episode: its file, its enclosure's public URL (not
  /// the analytics prefix's) and the date it was first published.
  public init(_ episode: Episode, of show: Show, in catalogue: Catalogue, firstPublished date: String? = nil) {
    self.init(
      file: episode.file, enclosure: episode.media.map { catalogue.publicURL(for: $0.reference, in: show) },
      date: date ?? episode.date.iso8601)
  }
}

extension PublicationRecord {
  /// Why a show could not be seeded.
  public enum SeedProblem: Error, Sendable, CustomStringConvertible {
    case alreadyPublished(slug: String)
    case unreadable(path: String, detail: String)

    public var description: String {
      switch self {
      case .alreadyPublished(let slug):
        "the publication record already holds a show '\(slug)': a show of that name was published from here; "
          + "choose another name with --show"
      case .unreadable(let path, let detail):
        "\(path) can't be read (\(detail)); restore it from git before importing"
      }
    }
  }

  /// Records a show that was published elsewhere (`podium import`), as a build would have, so
  /// the first build here already guards its GUIDs and enclosure URLs and keeps its `podcast:guid`.
  /// The feed URL is left empty until the first build records it, since the catalogue's
  /// `base_url` may still be a placeholder.
  ///
  /// - Parameters:
  ///   - episodes: by GUID; make each with ``EpisodeRecord/init(_:of:in:firstPublished:)``
  ///     where the episode loaded.
  ///   - liveItems: the feed's `podcast:liveItem`s by GUID, so no later episode takes a stream's GUID.
  public mutating func seed(
    show slug: String, podcastGUID: String, episodes: [String: EpisodeRecord], liveItems: [String: LiveItemRecord] = [:]
  ) throws(SeedProblem) {
    guard shows[slug] == nil else { throw .alreadyPublished(slug: slug) }
    shows[slug] = ShowRecord(
      podcastGUID: podcastGUID, feedURL: "", episodes: episodes, liveItems: liveItems.isEmpty ? nil : liveItems)
  }

  /// The record in an output folder: an empty one when there is none yet.
  public static func read(outputFolder: URL) throws(SeedProblem) -> PublicationRecord {
    let file = outputFolder.appendingPathComponent(path)
    guard let data = FileManager.default.contents(atPath: file.path) else { return PublicationRecord() }
    do {
      return try decode(data)
    } catch {
      throw .unreadable(path: file.relativePath, detail: "\(error)")
    }
  }

  /// Writes the record into an output folder (made when it doesn't exist) in one step.
  public func write(outputFolder: URL) throws {
    try AtomicFile.write(try encoded(), to: outputFolder.appendingPathComponent(Self.path))
  }
}
