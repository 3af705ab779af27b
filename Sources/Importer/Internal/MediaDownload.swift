import Foundation
import Identifiers
import LinkCheck
import PodcastVocabulary

/// `--download-media`: fetches an enclosure into the show's `media/`. The address is resolved
/// through LinkCheck (redirects bounded, never from https to http); the file then comes, through
/// LinkCheck too, in ranges of a few megabytes, appended to a `.part` file kept beside the
/// catalogue's shows, so an interrupted import goes on where it stopped. The whole file is checked against the length
/// and type the feed declared before it takes the enclosure's place.
struct MediaDownload {
  let configuration: LinkCheckConfiguration

  struct Failure: Error {
    var url: String
    var reason: String
  }

  static let chunk = 8 * 1024 * 1024

  /// - Returns: the file written into `folder`.
  func fetch(_ episode: inout EpisodeDraft, name: String, in folder: URL) throws -> [URL] {
    let url = episode.mediaURL
    let probe = LinkChecker(configuration: configuration).check([
      LinkRequest(url: url, kind: .enclosure, expectedLength: episode.mediaLength, expectedType: episode.mediaType)
    ])[0]
    if let error = probe.error { throw Failure(url: url, reason: error.description) }
    guard let total = probe.contentLength ?? (episode.mediaLength > 0 ? episode.mediaLength : nil) else {
      throw Failure(url: url, reason: "the server gives no size, so the download can't be checked")
    }
    if episode.mediaLength > 0, total != episode.mediaLength {
      throw Failure(url: url, reason: "the server holds \(total) bytes but the feed declares \(episode.mediaLength)")
    }
    if let type = probe.contentType, !episode.mediaType.isEmpty, !MediaTypes.matches(declared: episode.mediaType, expected: type) {
      throw Failure(url: url, reason: "the server sends \(type) but the feed declares \(episode.mediaType)")
    }
    let ext = MediaReferenceExtension.of(url: url, type: episode.mediaType)
    let partials = folder.deletingLastPathComponent().appendingPathComponent(".podium-downloads")
    try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true)
    let part = partials.appendingPathComponent(Self.partName(name: name, ext: ext, url: url))
    if !FileManager.default.fileExists(atPath: part.path) { _ = FileManager.default.createFile(atPath: part.path, contents: nil) }
    let handle = try FileHandle(forWritingTo: part)
    defer { try? handle.close() }
    var offset = Int64(try handle.seekToEnd())
    if offset > total {
      try handle.truncate(atOffset: 0)
      offset = 0
    }
    // Every range goes through LinkCheck as the probe did: its address policy is applied at each
    // connection (a host name that resolved to a public address for the probe may not resolve to
    // a metadata or link-local one now), with its proxy and its redirect rules.
    var limits = configuration
    limits.totalTimeout = max(configuration.totalTimeout, 120)
    let checker = LinkChecker(configuration: limits)
    while offset < total {
      let end = min(offset + Int64(Self.chunk), total) - 1
      let response: FetchedDocument
      do {
        response = try checker.fetch(probe.finalURL, maximumBytes: Self.chunk, range: "\(offset)-\(end)")
      } catch {
        throw Failure(url: url, reason: "\(error.description); run the import again to go on where it stopped")
      }
      if response.status == 200, offset == 0, Int64(response.body.count) == total {
        try handle.write(contentsOf: response.body)
        offset = total
        break
      }
      guard response.status == 206, Int64(response.body.count) == end - offset + 1 else {
        throw Failure(url: url, reason: "the server answered \(response.status) to a request for bytes \(offset)-\(end)")
      }
      try handle.write(contentsOf: response.body)
      offset = end + 1
    }
    try handle.close()
    let path = "media/\(name).\(ext)"
    let destination = folder.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.moveItem(at: part, to: destination)
    rmdir(partials.path)  // only once no other download is unfinished
    episode.localMedia = path
    episode.mediaLength = total
    episode.notes.append("media downloaded from \(url) to \(path) (\(total) bytes); the enclosure URL becomes its address under media_base_url")
    return [destination]
  }
}

extension MediaDownload {
  /// The unfinished download of `url`: named by the URL too, as the folder serves every import
  /// into the catalogue, and another feed's episode may have the same date and title. Bytes of
  /// another file are never taken for the start of this one.
  static func partName(name: String, ext: String, url: String) -> String {
    "\(name)-\(ContentDigest.hex(ContentDigest.sha256(Array(url.utf8))).prefix(16)).\(ext).part"
  }
}

/// A media file's extension: from the URL, else from its type.
enum MediaReferenceExtension {
  static func of(url: String, type: String) -> String {
    let last = url.split(separator: "?").first?.split(separator: "/").last ?? ""
    if let dot = last.lastIndex(of: "."), case let ext = last[last.index(after: dot)...].lowercased(),
      (1...4).contains(ext.count), ext.allSatisfy({ $0.isLetter || $0.isNumber })
    {
      return ext
    }
    return MediaTypes.byExtension.first { $0.value == type }?.key ?? "bin"
  }
}
