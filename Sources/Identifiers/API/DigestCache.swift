internal import CCrypto
import Foundation

/// The digests of local files already read, kept while the file's device, inode, size,
/// modification and change time (to the nanosecond) stay the same: a build, validation, preview
/// or publish of a catalogue whose media did not change does not read gigabytes again to learn
/// that. One read gives both digests Podium needs: the Subresource Integrity SHA-384 of
/// `podcast:integrity` and the SHA-256 `publish` compares with the store.
///
/// Shared by the threads of one run. Stored in the build cache folder beside the output
/// (docs/architecture.md, "The build cache"); what is saved is only what the run asked for, so a
/// file gone from the catalogue is dropped.
public final class DigestCache: @unchecked Sendable {
  /// Both digests of one file's bytes.
  public struct Digests: Codable, Hashable, Sendable {
    /// `sha384-…`, base64 (https://www.w3.org/TR/SRI/#the-integrity-attribute).
    public var sri: String
    /// Lower-case hex.
    public var sha256: String
  }

  /// What identifies a file's bytes without reading them. A write changes the modification and
  /// change time; a file put in its place (a rename, a copy back) has another inode or ctime.
  public struct Stamp: Codable, Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var changed: Int64

    /// The stamp of a regular file (links followed); nil for anything else.
    public init?(_ url: URL) {
      var info = stat()
      guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
      device = UInt64(info.st_dev)
      inode = UInt64(info.st_ino)
      size = Int64(info.st_size)
      modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
      changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }

    public var byteCount: Int64 { size }
  }

  private struct Entry: Codable {
    var stamp: Stamp
    var digests: Digests
  }

  /// The stored form: a name that says whose file it is, and a version.
  private struct Stored: Codable {
    var format: String
    var version: Int
    var entries: [Entry]
  }

  static let format = "podium digest cache"
  static let version = 1
  /// A cache larger than this is not read: some 100,000 files' entries fit in a tenth of it.
  public static let maximumFileSize = 64 << 20

  private let known: [Stamp: Digests]
  private let lock = NSLock()
  private var used: [Stamp: Digests] = [:]

  /// An empty cache: each file is read once in this run.
  public init() {
    known = [:]
  }

  /// What `previous` was asked for, and nothing else: a long-running `podium serve` keeps one cache
  /// a build, so edited files' old digests do not pile up.
  public init(after previous: DigestCache) {
    known = previous.lock.withLock { previous.used }
  }

  /// The cache stored in `file`. A missing file is an empty cache; one that can't be read (not
  /// Podium's, damaged, too large) is too, with `problem` saying why.
  public init(contentsOf file: URL, problem: inout String?) {
    var info = stat()
    guard lstat(file.path, &info) == 0 else {
      known = [:]
      return
    }
    do {
      guard info.st_mode & S_IFMT == S_IFREG else { throw Failure("it is not a file") }
      guard info.st_size <= Self.maximumFileSize else { throw Failure("it is larger than \(Self.maximumFileSize >> 20) MB") }
      let stored = try JSONDecoder().decode(Stored.self, from: try Data(contentsOf: file))
      guard stored.format == Self.format, stored.version == Self.version else { throw Failure("it is not Podium's") }
      known = Dictionary(stored.entries.map { ($0.stamp, $0.digests) }) { first, _ in first }
    } catch {
      problem = (error as? Failure)?.reason ?? "it is damaged"
      known = [:]
    }
  }

  private struct Failure: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
  }

  /// The digests of a regular file's bytes with its stamp, read (both at once) unless known; nil
  /// when it can't be read.
  public func digests(ofFileAt url: URL) -> (stamp: Stamp, digests: Digests)? {
    guard let stamp = Stamp(url) else { return nil }
    if let found = lock.withLock({ used[stamp] ?? known[stamp] }) {
      lock.withLock { used[stamp] = found }
      return (stamp, found)
    }
    guard let digests = Self.read(url) else { return nil }
    // A file written while it was read has another stamp now: what was read is not kept.
    guard Stamp(url) == stamp else { return (stamp, digests) }
    lock.withLock { used[stamp] = digests }
    return (stamp, digests)
  }

  /// The Subresource Integrity string of a file's bytes, as `podcast:integrity` carries it.
  public func sri(ofFileAt url: URL) -> String? { digests(ofFileAt: url)?.digests.sri }

  /// The files this run asked for, as stored.
  public var count: Int { lock.withLock { used.count } }

  /// Stores what this run asked for (and nothing else), replacing the file in one step. A cache
  /// that can't be written costs the next run its reading, nothing else.
  public func save(to file: URL) {
    let entries = lock.withLock { used.map { Entry(stamp: $0.key, digests: $0.value) } }
      .sorted { ($0.stamp.device, $0.stamp.inode) < ($1.stamp.device, $1.stamp.inode) }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(Stored(format: Self.format, version: Self.version, entries: entries)),
      data.count <= Self.maximumFileSize
    else { return }
    try? data.write(to: file, options: .atomic)
  }

  /// SHA-384 and SHA-256 of a file, in one read.
  private static func read(_ url: URL) -> Digests? {
    guard let both = ContentDigest.digests(ofFileAt: url, [EVP_sha384(), EVP_sha256()]), both.count == 2 else { return nil }
    return Digests(sri: ContentDigest.sri(both[0]), sha256: ContentDigest.hex(both[1]))
  }
}
