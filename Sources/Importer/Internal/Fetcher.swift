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
  /// Files fetched at once while the bytes left allow each its largest size: many small files
  /// then don't wait on each other's round trips, and at most this many are held at a time.
  static let batch = 8

  /// A file an item links to.
  struct SideFile {
    var url: String
    /// `podcast:transcript`, as the report names it.
    var element: String
    var line: Int?
  }

  enum Outcome {
    case fetched([UInt8])
    /// Why not, from the URL on: `… could not be fetched (…)`.
    case failed(String)
  }

  func fetchChapters(_ episodes: inout [EpisodeDraft]) {
    let indices = episodes.indices.filter { episodes[$0].chaptersURL != nil }
    let files = indices.map { SideFile(url: episodes[$0].chaptersURL ?? "", element: "podcast:chapters", line: episodes[$0].chaptersLine) }
    fetch(files) { position, outcome in
      let index = indices[position]
      let file = files[position]
      switch outcome {
      case .failed(let why):
        episodes[index].losses.append(ImportLoss(file.element, why + "; add the chapters by hand", line: file.line))
      case .fetched(let body):
        guard let chapters = ChaptersJSON.chapters(from: body, losses: &episodes[index].losses) else {
          episodes[index].losses.append(ImportLoss(file.element, "\(file.url) is not JSON chapters; add the chapters by hand", line: file.line))
          return
        }
        episodes[index].chapters = chapters
        episodes[index].notes.append("chapters fetched from \(file.url); build publishes them at the new address")
      }
    }
  }

  /// Fetches every episode's transcripts into `folder`'s `transcripts/`, named after the episode.
  /// - Returns: the files written.
  func storeTranscripts(_ episodes: inout [EpisodeDraft], names: [String], in folder: URL) -> [URL] {
    var jobs: [(episode: Int, link: TranscriptLink, path: String)] = []
    for index in episodes.indices {
      var used: Set<String> = []
      // The chapters count among an item's side files.
      let allowed = max(0, budget.limits.maximumSideFilesPerEpisode - (episodes[index].chaptersURL == nil ? 0 : 1))
      for (position, link) in episodes[index].transcriptLinks.enumerated() {
        guard position < allowed else {
          episodes[index].losses.append(ImportLoss(
            "podcast:transcript", "\(link.url) was not fetched: the item links more chapters and transcripts than the "
              + "\(budget.limits.maximumSideFilesPerEpisode) an import fetches for one episode; add it by hand", line: link.line))
          continue
        }
        let ext = Self.fileExtension(type: link.type, url: link.url)
        var path = "transcripts/\(names[index]).\(ext)"
        var counter = 2
        while !used.insert(path).inserted {
          path = "transcripts/\(names[index])-\(counter).\(ext)"
          counter += 1
        }
        jobs.append((index, link, path))
      }
    }
    var files: [URL] = []
    fetch(jobs.map { SideFile(url: $0.link.url, element: "podcast:transcript", line: $0.link.line) }) { position, outcome in
      let (index, link, path) = jobs[position]
      switch outcome {
      case .failed(let why):
        episodes[index].losses.append(ImportLoss("podcast:transcript", why + "; add it by hand", line: link.line))
      case .fetched(let body):
        do {
          let file = folder.appendingPathComponent(path)
          try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
          try Data(body).write(to: file, options: .withoutOverwriting)
          files.append(file)
          var pairs: [(String, YAMLEmitter.Value)] = [("file", .text(path)), ("type", .text(link.type))]
          if let language = link.language { pairs.append(("language", .text(language))) }
          if let rel = link.rel { pairs.append(("rel", .text(rel))) }
          episodes[index].transcripts.append(.mapping(pairs))
          episodes[index].notes.append("transcript fetched from \(link.url) into \(path); build publishes it at the new address")
        } catch {
          episodes[index].losses.append(ImportLoss(
            "podcast:transcript", "\(link.url) could not be stored (\(error.localizedDescription))", line: link.line))
        }
      }
    }
    return files
  }

  /// Fetches `files` within what is left of the import's time and bytes, a batch at a time while
  /// the bytes left allow each file of a batch its largest size and one by one after that, and
  /// hands over each outcome in order, with the limit that stopped a file named.
  func fetch(_ files: [SideFile], deliver: (Int, Outcome) -> Void) {
    var next = 0
    while next < files.count {
      if let spent = budget.spent {
        for index in next..<files.count { deliver(index, .failed("\(files[index].url) was not fetched: \(spent)")) }
        return
      }
      let count = budget.bytesLeft >= Self.batch * Self.maximumSize ? min(Self.batch, files.count - next) : 1
      let range = next..<(next + count)
      let maximumBytes = min(Self.maximumSize, budget.bytesLeft)
      let secondsLeft = budget.secondsLeft
      let outcomes = LinkChecker(configuration: budget.configuration(configuration))
        .fetch(range.map { files[$0].url }, maximumBytes: maximumBytes)
      for (index, outcome) in zip(range, outcomes) {
        switch outcome {
        case .success(let document):
          budget.spend(document.body.count)
          deliver(index, .fetched(document.body))
        case .failure(let error):
          let reason = switch error {
          case .tooLarge where maximumBytes < Self.maximumSize:
            "it is larger than the \(maximumBytes) bytes left of \(budget.bytesAllowed)"
          case .timeout where secondsLeft < configuration.totalTimeout:
            "no complete answer within the \(FetchBudget.format((secondsLeft * 10).rounded() / 10)) s left of \(budget.timeAllowed)"
          default: error.description
          }
          deliver(index, .failed("\(files[index].url) could not be fetched (\(reason))"))
        }
      }
      next += count
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
