import AtomicOutput
import FeedWriter
import Foundation
import Identifiers
import ObjectStore
import Parallel
import PodcastVocabulary
import VideoSite

/// Lists every file of a publish with its key, digest and headers, in upload order, and decides
/// against one listing of the store what to upload, what to skip, and what to refuse.
struct PublishPlanner {
  let facts: PublicationFacts
  let layout: PublishLayout
  /// The build's output folder, and the paths it wrote there.
  let output: URL
  let written: [String]
  let feedCacheSeconds: Int

  static let immutableCache = "public, max-age=31536000, immutable"

  /// Every file, sorted by kind (the upload order), then key. `digests` gives the digests of files
  /// read before (by the build, or an earlier run) and learns the rest.
  func items(digests: DigestCache) -> Result<[PublishItem], PublishReport.Failure> {
    struct Source {
      var key: String
      var kind: PublishItem.Kind
      var file: URL
      var type: String?
      var publicURL: String
    }
    var sources: [Source] = facts.files.map { file in
      Source(
        key: layout.mediaKey(file.path), kind: file.kind, file: file.file, type: file.type,
        publicURL: layout.mediaBaseURL + file.path)
    }
    for path in written where !path.hasPrefix(".podium/") && !path.hasPrefix(".") {
      sources.append(
        Source(
          key: layout.feedsKey(path), kind: Self.kind(ofOutput: path), file: output.appendingPathComponent(path),
          type: nil, publicURL: layout.baseURL + path))
    }
    var byKey: [String: Source] = [:]
    for source in sources {
      if let other = byKey[source.key], other.file != source.file {
        return .failure(
          PublishReport.Failure(
            key: source.key,
            message: "\(source.key) would be two files, \(other.file.path) and \(source.file.path): base_url and "
              + "media_base_url (or publish.feeds_folder and publish.media_folder) overlap there; give them "
              + "different folders"))
      }
      byKey[source.key] = source
    }
    let unique = byKey.values.sorted { ($0.kind, $0.key) < ($1.kind, $1.key) }
    // Reading every file for its digest is the cost of a publish that uploads nothing: the cache
    // keeps it for files that did not change.
    let found = ParallelMap.map(unique) { source in digests.digests(ofFileAt: source.file) }
    var items: [PublishItem] = []
    for (source, digest) in zip(unique, found) {
      guard let (stamp, known) = digest else {
        return .failure(
          PublishReport.Failure(
            key: source.key, message: "\(source.file.path) can't be read, so \(source.key) can't be published"))
      }
      items.append(
        PublishItem(
          key: source.key, kind: source.kind, file: source.file, size: stamp.byteCount, sha256: known.sha256,
          contentType: source.type ?? MediaTypes.contentType(forPath: source.key),
          cacheControl: source.kind.isImmutable ? Self.immutableCache : "public, max-age=\(feedCacheSeconds)",
          publicURL: source.publicURL))
    }
    return .success(items)
  }

  /// Marks each item to upload or skip against the store's listing, or refuses: an immutable
  /// file the store holds with other bytes, or any object without the digest Podium stores with
  /// its uploads, is never replaced. The size counts too: a digest written by someone else
  /// beside other bytes does not make them the published file.
  static func compare(_ items: [PublishItem], with stored: [String: StoredObject], location: String)
    -> Result<[PublishItem], PublishReport.Failure>
  {
    var result = items
    var refused: [(String, String)] = []
    for index in result.indices {
      let item = result[index]
      guard let object = stored[item.key] else { continue }
      guard let digest = object.sha256 else {
        refused.append((
          item.key,
          "\(item.key) is already in \(location) without the sha256 Podium stores with what it uploads: Podium did not "
            + "upload it, or it was replaced there since. It is not replaced; remove it there if the published file "
            + "should take its place"
        ))
        continue
      }
      if digest == item.sha256 && object.size == item.size {
        result[index].action = .skip
      } else if item.kind.isImmutable {
        refused.append((
          item.key,
          "\(item.key) in \(location) has other bytes than \(item.file.path) (\(object.size) bytes, sha256 "
            + "\(digest.prefix(12))… there; \(item.size) bytes, \(item.sha256.prefix(12))… here). A published "
            + "\(item.kind.rawValue) file is never replaced: apps and caches keep it for a year. If the file here is "
            + "new, give it a new name; if the one there was changed, put the published file back"
        ))
      }
    }
    if let first = refused.first {
      let others = refused.dropFirst().prefix(5).map(\.0).joined(separator: ", ")
      let more = refused.count > 1 ? " (and \(refused.count - 1) more: \(others))" : ""
      return .failure(PublishReport.Failure(key: first.0, message: first.1 + more))
    }
    return .success(result)
  }

  static func kind(ofOutput path: String) -> PublishItem.Kind {
    let names = path.split(separator: "/").map(String.init)
    guard names.count >= 2 else { return path == OutputPaths.opml ? .opml : .page }
    let inShow = names.dropFirst().joined(separator: "/")
    switch inShow {
    case OutputPaths.feed, VideoPaths.mediaRSS: return .feed
    case VideoPaths.sitemap: return .sitemap
    case VideoPaths.index, VideoPaths.indexJSON: return .index
    default: break
    }
    if inShow.hasPrefix(OutputPaths.transcriptsFolder + "/") { return .transcript }
    if inShow.hasPrefix(OutputPaths.chaptersFolder + "/") { return .chapters }
    if inShow.hasPrefix(VideoPaths.image("")) { return .poster }
    return .page
  }
}
