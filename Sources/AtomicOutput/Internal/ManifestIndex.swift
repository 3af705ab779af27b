import Foundation
import Parallel

/// The files an output's manifest lists (``OutputManifest``) and the folders that hold them: what
/// the ownership check (``OutputFolder/checkOwnership(legacyMarker:legacyOwns:keepingManifest:)``)
/// takes as Podium's.
///
/// The paths are held as the manifest's own bytes, sorted byte by byte, and looked up by binary
/// search: no string, set or hash a path, so a network's 200,000 paths are read in one pass over
/// the file (docs/performance.md). A name is Podium's only when its very bytes are listed: a
/// name that is another Unicode form of a listed one (which a `Set<String>` would take as equal)
/// or not UTF-8 is not.
///
/// A build looks at its output just before the swap and at the old output just after it, with
/// the same manifest: the first check may keep its index, with the manifest's bytes, for the
/// next, which takes it when its manifest has exactly those bytes. It is kept for one check
/// only, so no index stays in memory through a build.
final class ManifestIndex: Sendable {
  /// The paths' bytes, one after another (for a manifest as ``OutputManifest/plainText(_:)``
  /// writes it, the manifest itself).
  private let bytes: [UInt8]
  /// Where each path is in `bytes`, in byte order of the paths.
  private let spans: [Span]

  struct Span: Sendable {
    let start: UInt32
    let end: UInt32
  }

  private init(bytes: [UInt8], spans: [Span]) {
    self.bytes = bytes
    // A manifest is written in `String` order, which is byte order for the paths a build
    // writes; any other order is sorted here, once.
    let sorted = bytes.withUnsafeBufferPointer { base in
      zip(spans, spans.dropFirst()).allSatisfy { Self.compare(base, $0, base, $1) <= 0 }
    }
    self.spans = sorted ? spans : bytes.withUnsafeBufferPointer { base in
      spans.sorted { Self.compare(base, $0, base, $1) < 0 }
    }
  }

  /// The index of the manifest `data`; `nil` when it can't be read as one.
  ///
  /// - Parameter keeping: whether to keep it for the next call.
  static func of(_ data: Data, keeping: Bool) -> ManifestIndex? {
    let kept = self.kept.withLock { kept in
      defer { kept = nil }
      return kept.flatMap { $0.data == data ? $0.index : nil }
    }
    guard let index = kept ?? read(data) else { return nil }
    if keeping { self.kept.withLock { $0 = (data, index) } }
    return index
  }

  private static let kept = Locked<(data: Data, index: ManifestIndex)?>(nil)

  /// The manifest's paths where they stand in its bytes, when it is exactly what
  /// ``OutputManifest/plainText(_:)`` writes; otherwise as `JSONDecoder` reads them.
  private static func read(_ data: Data) -> ManifestIndex? {
    let bytes = [UInt8](data)
    if let spans = OutputManifest.plainSpans(bytes) { return ManifestIndex(bytes: bytes, spans: spans) }
    guard let files = OutputManifest.decode(data) else { return nil }
    var joined: [UInt8] = []
    var spans: [Span] = []
    for file in files {
      let start = UInt32(joined.count)
      joined += file.utf8
      spans.append(Span(start: start, end: UInt32(joined.count)))
    }
    return ManifestIndex(bytes: joined, spans: spans)
  }

  /// Whether the manifest lists the file `path`.
  func containsFile(_ path: String) -> Bool {
    let key = Array(path.utf8)
    return bytes.withUnsafeBufferPointer { base in
      key.withUnsafeBufferPointer { key in
        let found = lowerBound(key, in: base, 0..<spans.count, skipping: 0)
        return found < spans.count && Self.compare(base, spans[found], skipping: 0, key) == 0
      }
    }
  }

  /// Whether `path` is a folder holding a file the manifest lists (`""`: the output itself).
  func containsFolder(_ path: String) -> Bool {
    path.isEmpty || !files(in: Array(path.utf8) + [UInt8(ascii: "/")], 0..<spans.count).isEmpty
  }

  /// The range of `spans`, within `range`, of the paths that start with `prefix` (sorted, they
  /// stand together).
  private func files(in prefix: [UInt8], _ range: Range<Int>) -> Range<Int> {
    bytes.withUnsafeBufferPointer { base in
      prefix.withUnsafeBufferPointer { key in
        let start = lowerBound(key, in: base, range, skipping: 0)
        var (low, high) = (start, range.upperBound)
        while low < high {
          let middle = (low + high) / 2
          if Self.hasPrefix(base, spans[middle], key) { low = middle + 1 } else { high = middle }
        }
        return start..<low
      }
    }
  }

  /// The first of `range` whose path, past its first `skipping` bytes, is not below `key`.
  private func lowerBound(_ key: UnsafeBufferPointer<UInt8>, in base: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, skipping: Int) -> Int {
    var (low, high) = (range.lowerBound, range.upperBound)
    while low < high {
      let middle = (low + high) / 2
      if Self.compare(base, spans[middle], skipping: skipping, key) < 0 { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The order of a span's bytes past its first `skipping` and `key`'s: below, equal, above zero.
  private static func compare(_ base: UnsafeBufferPointer<UInt8>, _ span: Span, skipping: Int, _ key: UnsafeBufferPointer<UInt8>) -> Int {
    let start = Int(span.start) + skipping
    let length = Int(span.end) - start
    let common = min(length, key.count)
    if common > 0 {
      let order = memcmp(base.baseAddress! + start, key.baseAddress!, common)
      if order != 0 { return Int(order) }
    }
    return length - key.count
  }

  private static func compare(_ a: UnsafeBufferPointer<UInt8>, _ x: Span, _ b: UnsafeBufferPointer<UInt8>, _ y: Span) -> Int {
    compare(a, x, skipping: 0, UnsafeBufferPointer(rebasing: b[Int(y.start)..<Int(y.end)]))
  }

  private static func hasPrefix(_ base: UnsafeBufferPointer<UInt8>, _ span: Span, _ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
    Int(span.end - span.start) >= prefix.count
      && (prefix.isEmpty || memcmp(base.baseAddress! + Int(span.start), prefix.baseAddress!, prefix.count) == 0)
  }

  /// Whether the folder at `root` (a real path) holds nothing but the folders and regular files
  /// listed: read by descriptors, each folder below the root opened without following a link,
  /// entries told apart by the kind their directory entry gives. A link, a device, a name that
  /// is not listed byte for byte or a folder that can't be read is not listed.
  ///
  /// - Returns: when it does, how many files each folder at the top holds, all the way down (a
  ///   show's folder: what a build keeps in place must hold no more than its record names).
  func listedFiles(_ root: String) -> [String: Int]? {
    let descriptor = FolderEntries.open(root, in: AT_FDCWD, followingLink: true)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    return walk(descriptor, prefix: [], range: 0..<spans.count)?.folders
  }

  /// The files below the folder whose paths start with `prefix` (its path and a slash; empty for
  /// the root), the manifest's paths below it being `range`, and below each of its folders by
  /// name; `nil` when it holds one not listed.
  private func walk(_ folder: Int32, prefix: [UInt8], range: Range<Int>) -> (files: Int, folders: [String: Int])? {
    var files = 0
    var subfolders: [(path: [UInt8], range: Range<Int>)] = []
    var listed = true
    let read = bytes.withUnsafeBufferPointer { base in
      FolderEntries.forEach(in: folder) { name, kind in
        guard listed else { return }
        let length = strlen(name)
        let key = UnsafeBufferPointer(start: UnsafeRawPointer(name).assumingMemoryBound(to: UInt8.self), count: length)
        switch kind {
        case .file:
          let found = lowerBound(key, in: base, range, skipping: prefix.count)
          listed = found < range.upperBound && Self.compare(base, spans[found], skipping: prefix.count, key) == 0
          files += 1
        case .folder:
          let path = prefix + key + [UInt8(ascii: "/")]
          let inner = self.files(in: path, range)
          listed = !inner.isEmpty
          subfolders.append((path, inner))
        default: listed = false
        }
      }
    }
    guard read, listed else { return nil }
    let check = { (subfolder: (path: [UInt8], range: Range<Int>)) -> Int? in
      let name = Array(subfolder.path[prefix.count..<subfolder.path.count - 1]) + [0]
      let inner = name.withUnsafeBufferPointer { FolderEntries.open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), in: folder) }
      guard inner >= 0 else { return nil }
      defer { close(inner) }
      return self.walk(inner, prefix: subfolder.path, range: subfolder.range)?.files
    }
    let counts = subfolders.count > 1 ? ParallelMap.map(subfolders, check) : subfolders.map(check)
    var below: [String: Int] = [:]
    var total = files
    for (subfolder, count) in zip(subfolders, counts) {
      guard let count else { return nil }
      // Listed, so UTF-8.
      below[String(decoding: subfolder.path[prefix.count..<subfolder.path.count - 1], as: UTF8.self)] = count
      total += count
    }
    return (total, below)
  }
}

/// A value behind a lock.
final class Locked<Value>: @unchecked Sendable {
  private var value: Value
  private let lock = NSLock()

  init(_ value: Value) { self.value = value }

  func withLock<R>(_ body: (inout Value) -> R) -> R { lock.withLock { body(&value) } }
}
