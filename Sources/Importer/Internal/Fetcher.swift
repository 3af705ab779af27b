import Foundation
import LinkCheck
import PodcastVocabulary
import Catalogue

/// Fetches what items link to and the catalogue keeps itself: Podcasting 2.0 chapters (read into
/// the front matter) and transcripts (stored in the show's `transcripts/`). Each fetch is bounded
/// by LinkCheck's limits; one that fails is a loss, not a failed import.
struct Fetcher {
  let configuration: LinkCheckConfiguration

  /// Chapters and transcripts are refused above the catalogue's own limit for such files.
  static let maximumSize = 16 * 1024 * 1024

  func fetchChapters(_ episode: inout EpisodeDraft) {
    guard let url = episode.chaptersURL else { return }
    do {
      let document = try LinkChecker(configuration: configuration).fetch(url, maximumBytes: Self.maximumSize)
      guard let chapters = ChaptersJSON.chapters(from: document.body, losses: &episode.losses) else {
        episode.losses.append(ImportLoss("podcast:chapters", "\(url) is not JSON chapters; add the chapters by hand"))
        return
      }
      episode.chapters = chapters
      episode.notes.append("chapters fetched from \(url); build publishes them at the new address")
    } catch {
      episode.losses.append(ImportLoss("podcast:chapters", "\(url) could not be fetched (\(error.description)); add the chapters by hand"))
    }
  }

  /// - Returns: the files written.
  func storeTranscripts(_ episode: inout EpisodeDraft, name: String, in folder: URL) -> [URL] {
    var files: [URL] = []
    var used: Set<String> = []
    for link in episode.transcriptLinks {
      let ext = Self.fileExtension(type: link.type, url: link.url)
      var path = "transcripts/\(name).\(ext)"
      var counter = 2
      while !used.insert(path).inserted {
        path = "transcripts/\(name)-\(counter).\(ext)"
        counter += 1
      }
      do {
        let document = try LinkChecker(configuration: configuration).fetch(link.url, maximumBytes: Self.maximumSize)
        let file = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(document.body).write(to: file, options: .withoutOverwriting)
        files.append(file)
        var pairs: [(String, YAMLEmitter.Value)] = [("file", .text(path)), ("type", .text(link.type))]
        if let language = link.language { pairs.append(("language", .text(language))) }
        if let rel = link.rel { pairs.append(("rel", .text(rel))) }
        episode.transcripts.append(.mapping(pairs))
        episode.notes.append("transcript fetched from \(link.url) into \(path); build publishes it at the new address")
      } catch let error as LinkError {
        episode.losses.append(ImportLoss("podcast:transcript", "\(link.url) could not be fetched (\(error.description)); add it by hand"))
      } catch {
        episode.losses.append(ImportLoss("podcast:transcript", "\(link.url) could not be stored (\(error.localizedDescription))"))
      }
    }
    return files
  }

  /// The file extension for a transcript: from its type, else from its URL.
  static func fileExtension(type: String, url: String) -> String {
    let known = ["text/vtt": "vtt", "application/x-subrip": "srt", "application/srt": "srt", "text/html": "html",
                 "application/json": "json", "text/plain": "txt"]
    if let ext = known[type.lowercased()] { return ext }
    let last = url.split(separator: "?").first?.split(separator: "/").last ?? ""
    if let dot = last.lastIndex(of: "."), case let ext = last[last.index(after: dot)...].lowercased(),
      !ext.isEmpty, ext.count <= 5, ext.allSatisfy({ $0.isLetter || $0.isNumber })
    {
      return ext
    }
    return "txt"
  }
}
