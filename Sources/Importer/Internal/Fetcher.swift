import Foundation
import LinkCheck
import PodcastVocabulary
import Catalogue

/// Fetches what items link to and the catalogue keeps itself: Podcasting 2.0 chapters (read into
/// the front matter) and transcripts (stored in the show's `transcripts/`). Each fetch is bounded
/// by LinkCheck's limits, and all of them together by the import's (``FetchBudget``); one that
/// fails or is over a limit is a loss, not a failed import.
struct Fetcher {
  let configuration: LinkCheckConfiguration
  let budget: FetchBudget

  /// Chapters and transcripts are refused above the catalogue's own limit for such files.
  static let maximumSize = 16 * 1024 * 1024

  func fetchChapters(_ episode: inout EpisodeDraft) {
    guard let url = episode.chaptersURL else { return }
    let line = episode.chaptersLine
    guard let body = fetch(url, element: "podcast:chapters", line: line, into: &episode, todo: "add the chapters by hand") else { return }
    guard let chapters = ChaptersJSON.chapters(from: body, losses: &episode.losses) else {
      episode.losses.append(ImportLoss("podcast:chapters", "\(url) is not JSON chapters; add the chapters by hand", line: line))
      return
    }
    episode.chapters = chapters
    episode.notes.append("chapters fetched from \(url); build publishes them at the new address")
  }

  /// - Returns: the files written.
  func storeTranscripts(_ episode: inout EpisodeDraft, name: String, in folder: URL) -> [URL] {
    var files: [URL] = []
    var used: Set<String> = []
    // The chapters count among an item's side files.
    let allowed = max(0, budget.limits.maximumSideFilesPerEpisode - (episode.chaptersURL == nil ? 0 : 1))
    for (index, link) in episode.transcriptLinks.enumerated() {
      guard index < allowed else {
        episode.losses.append(ImportLoss(
          "podcast:transcript", "\(link.url) was not fetched: the item links more chapters and transcripts than the "
            + "\(budget.limits.maximumSideFilesPerEpisode) an import fetches for one episode; add it by hand", line: link.line))
        continue
      }
      let ext = Self.fileExtension(type: link.type, url: link.url)
      var path = "transcripts/\(name).\(ext)"
      var counter = 2
      while !used.insert(path).inserted {
        path = "transcripts/\(name)-\(counter).\(ext)"
        counter += 1
      }
      guard let body = fetch(link.url, element: "podcast:transcript", line: link.line, into: &episode, todo: "add it by hand") else {
        continue
      }
      do {
        let file = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(body).write(to: file, options: .withoutOverwriting)
        files.append(file)
        var pairs: [(String, YAMLEmitter.Value)] = [("file", .text(path)), ("type", .text(link.type))]
        if let language = link.language { pairs.append(("language", .text(language))) }
        if let rel = link.rel { pairs.append(("rel", .text(rel))) }
        episode.transcripts.append(.mapping(pairs))
        episode.notes.append("transcript fetched from \(link.url) into \(path); build publishes it at the new address")
      } catch {
        episode.losses.append(ImportLoss(
          "podcast:transcript", "\(link.url) could not be stored (\(error.localizedDescription))", line: link.line))
      }
    }
    return files
  }

  /// The body at `url`, within what is left of the import's time and bytes; else a loss that
  /// says which limit stopped it.
  private func fetch(_ url: String, element: String, line: Int?, into episode: inout EpisodeDraft, todo: String) -> [UInt8]? {
    if let spent = budget.spent {
      episode.losses.append(ImportLoss(element, "\(url) was not fetched: \(spent); \(todo)", line: line))
      return nil
    }
    let byBudget = budget.bytesLeft < Self.maximumSize
    let secondsLeft = budget.secondsLeft
    let timedByBudget = secondsLeft < configuration.totalTimeout
    do {
      let document = try LinkChecker(configuration: budget.configuration(configuration))
        .fetch(url, maximumBytes: min(Self.maximumSize, budget.bytesLeft))
      budget.spend(document.body.count)
      return document.body
    } catch {
      let reason: String
      switch error {
      case .tooLarge where byBudget:
        reason = "it is larger than the \(budget.bytesLeft) bytes left of \(budget.bytesAllowed)"
      case .timeout where timedByBudget:
        reason = "no complete answer within the \(FetchBudget.format((secondsLeft * 10).rounded() / 10)) s left of \(budget.timeAllowed)"
      default:
        reason = error.description
      }
      episode.losses.append(ImportLoss(element, "\(url) could not be fetched (\(reason)); \(todo)", line: line))
      return nil
    }
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
