import Foundation

/// One show's file of the per-episode cache (``EpisodeCache``): a magic line, then records, each
/// its length, a checksum (``CacheFile/checksum(_:)``) and its bytes. The first record names the
/// format, the Podium and the show's context; each other is one episode file's entry: its name,
/// its stamp, what a listing shows of it (``EpisodeFacts``, after its length; none for a file that
/// failed to load) and its reading in ``CacheEncoder``'s form.
///
/// Records, not one value, so that a file is written as its entries come and read a record at a
/// time: a large show's entries are never all held.
enum EpisodeCacheFile {
  private static let magic = Array("PODIUM-EPISODES\n".utf8)

  struct Header: Codable, Equatable {
    var format: Int
    var podium: String
    var context: String
  }

  /// A file as read: its header and each entry's stamp, by name. A reading is read from the file
  /// only when it is asked for, so that a large show's file is never held whole beside the
  /// episodes decoded from it (148 MB at 100,000 episodes; docs/performance.md).
  struct Contents {
    let header: Header
    /// The entries' names, sorted, and their entries: a dictionary by name held some three
    /// times the bytes, through a large show's loading (docs/performance.md).
    private let names: [String]
    private let entries: [Entry]
    fileprivate let file: OpenFile

    /// - Parameter entries: each entry with its name, in the file's order: of two with the same
    ///   name, the later stands.
    fileprivate init(header: Header, entries: [(name: String, entry: Entry)], file: OpenFile) {
      (self.header, self.file) = (header, file)
      let order = entries.indices.sorted { a, b in
        entries[a].name != entries[b].name ? entries[a].name < entries[b].name : a < b
      }
      // Of the entries of one name, next to one another in `order`, the last.
      let kept = order.indices.filter { at in
        at + 1 == order.count || entries[order[at]].name != entries[order[at + 1]].name
      }.map { order[$0] }
      names = kept.map { entries[$0].name }
      self.entries = kept.map { entries[$0].entry }
    }

    /// How many entries the file holds.
    var count: Int { entries.count }

    /// The entry of the episode file `name`.
    func entry(_ name: String) -> Entry? {
      var (low, high) = (0, names.count)
      while low < high {
        let middle = (low + high) / 2
        if names[middle] < name { low = middle + 1 } else { high = middle }
      }
      return low < names.count && names[low] == name ? entries[low] : nil
    }

    /// `body` of the entry's reading, as ``CacheEncoder`` wrote it, where it was read (not
    /// copied out of its record); `nil` when its record can't be read again or no longer
    /// matches its checksum.
    func withReading<T>(_ entry: Entry, _ body: (UnsafeRawBufferPointer) -> T?) -> T? {
      guard let record = record(entry) else { return nil }
      return record.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[entry.reading])) }
    }

    /// The entry's facts (``EpisodeFacts``: empty for none) and its reading; `nil` as for ``withReading(_:_:)``.
    func parts(_ entry: Entry) -> (facts: [UInt8], reading: [UInt8])? {
      record(entry).map { (Array($0[entry.facts]), Array($0[entry.reading])) }
    }

    /// The entry's record, read again and checked against its checksum.
    private func record(_ entry: Entry) -> [UInt8]? {
      guard let record = file.read(entry.record),
        record.withUnsafeBytes({ CacheFile.checksum($0) }) == entry.checksum
      else { return nil }
      return record
    }
  }

  /// Where an entry is in its file.
  struct Entry {
    let stamp: FileStamp
    /// The record's bytes, and their checksum.
    let record: Range<Int>
    let checksum: UInt64
    /// Where the facts and the reading are within the record's bytes.
    let facts: Range<Int>
    let reading: Range<Int>
  }

  /// Reads a file's header and entries, record by record, a piece of the file at a time; a
  /// damaged record makes the file unreadable (a file cut short is not: its whole records are kept).
  static func read(_ url: URL) throws(CacheFile.Problem) -> Contents {
    var info = stat()
    guard lstat(url.path, &info) == 0 else { throw .missing }
    guard info.st_mode & S_IFMT == S_IFREG, let file = OpenFile(url.path), fstat(file.descriptor, &info) == 0,
      info.st_mode & S_IFMT == S_IFREG, info.st_size < CacheFile.maximumSize
    else { throw .unreadable }
    let size = Int(info.st_size)
    var pieces = Pieces(file: file, size: size)
    guard pieces.bytes(0..<magic.count)?.elementsEqual(magic) == true else { throw .unreadable }
    var offset = magic.count
    var header: Header?
    var entries: [(name: String, entry: Entry)] = []
    while offset + 12 <= size {
      guard let prefix = pieces.bytes(offset..<offset + 12) else { throw .unreadable }
      let (length, checksum) = prefix.withUnsafeBytes { buffer in
        (Int(UInt32(littleEndian: buffer.loadUnaligned(as: UInt32.self))),
         UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: 4, as: UInt64.self)))
      }
      let start = offset + 12
      guard length <= size - start else { break }
      let range = start..<start + length
      guard let record = pieces.bytes(range) else { throw .unreadable }
      guard record.withUnsafeBytes({ CacheFile.checksum($0) }) == checksum else { throw .unreadable }
      if header == nil {
        guard let first = try? CacheDecoder.decode(Header.self, from: record) else { throw .unreadable }
        header = first
      } else {
        guard let (name, stamp, facts, reading) = entry(record) else { throw .unreadable }
        entries.append((name, Entry(stamp: stamp, record: range, checksum: checksum, facts: facts, reading: reading)))
      }
      offset = range.upperBound
    }
    guard let header else { throw .unreadable }
    return Contents(header: header, entries: entries, file: file)
  }

  /// An entry's name, stamp, and where its facts and its reading are in its record's bytes.
  private static func entry(_ bytes: [UInt8]) -> (String, FileStamp, Range<Int>, Range<Int>)? {
    let range = bytes.indices
    guard range.count >= 2 else { return nil }
    let nameLength = Int(bytes[range.lowerBound]) | Int(bytes[range.lowerBound + 1]) << 8
    let nameEnd = range.lowerBound + 2 + nameLength
    let stampEnd = nameEnd + FileStamp.byteCount
    guard stampEnd + 4 <= range.upperBound, let stamp = FileStamp(bytes[nameEnd..<stampEnd]) else { return nil }
    let factsLength = bytes[stampEnd..<stampEnd + 4].reversed().reduce(0) { $0 << 8 | Int($1) }
    let factsEnd = stampEnd + 4 + factsLength
    guard factsEnd <= range.upperBound else { return nil }
    return (
      String(decoding: bytes[range.lowerBound + 2..<nameEnd], as: UTF8.self), stamp, stampEnd + 4..<factsEnd,
      factsEnd..<range.upperBound
    )
  }

  /// A file open for reading, closed when the last ``Contents`` read from it goes.
  fileprivate final class OpenFile: @unchecked Sendable {
    let descriptor: Int32

    init?(_ path: String) {
      descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
      guard descriptor >= 0 else { return nil }
    }

    deinit { close(descriptor) }

    /// The bytes at `range`, or as many of them as the file holds; `nil` when it can't be read.
    func read(_ range: Range<Int>, short: Bool = false) -> [UInt8]? {
      var failed = false
      // Not zeroed first: `pread` fills what is kept, and a piece is read for every show file.
      let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
        let read = CacheFile.read(into: UnsafeMutableRawBufferPointer(buffer), from: descriptor, at: range.lowerBound)
        failed = read == nil
        initialized = read ?? 0
      }
      guard !failed, bytes.count == range.count || short else { return nil }
      return bytes
    }
  }

  /// The file read in pieces of 1 MiB (or one record's, when larger), each let go once passed;
  /// never more than the file holds, since a show's file is mostly far smaller than a piece.
  private struct Pieces {
    let file: OpenFile
    let size: Int
    var piece: [UInt8] = []
    var start = 0

    /// The bytes at `range`.
    mutating func bytes(_ range: Range<Int>) -> [UInt8]? {
      if range.lowerBound < start || range.upperBound > start + piece.count {
        let end = max(range.upperBound, min(range.lowerBound + (1 << 20), size))
        guard let read = file.read(range.lowerBound..<end, short: true),
          read.count >= range.count
        else { return nil }
        piece = read
        start = range.lowerBound
      }
      return Array(piece[(range.lowerBound - start)..<(range.upperBound - start)])
    }
  }

  /// Writes a show's file into a temporary file beside it, record by record, and puts it in
  /// place in one step.
  final class Writer {
    private let url: URL
    private let temporary: URL
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var failed = false

    init?(_ url: URL, header: Header) {
      self.url = url
      temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
      descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
      guard descriptor >= 0, let header = try? CacheEncoder.encode(header) else {
        if descriptor >= 0 { close(descriptor) }
        return nil
      }
      buffer = magic
      record(header)
    }

    /// Adds an entry; `facts` are its ``EpisodeFacts`` (empty for none), `reading` its
    /// ``EpisodeReading`` as ``CacheEncoder`` wrote it.
    func add(name: String, stamp: FileStamp, facts: [UInt8], reading: some Collection<UInt8>) {
      let name = Array(name.utf8)
      guard name.count < 1 << 16, facts.count < Int(UInt32.max) else { return }
      var entry: [UInt8] = [UInt8(name.count & 0xFF), UInt8(name.count >> 8)]
      entry.reserveCapacity(6 + name.count + FileStamp.byteCount + facts.count + reading.count)
      entry += name
      entry += stamp.bytes
      withUnsafeBytes(of: UInt32(facts.count).littleEndian) { entry += $0 }
      entry += facts
      entry += reading
      record(entry)
    }

    private func record(_ bytes: [UInt8]) {
      guard bytes.count < Int(UInt32.max) else { return }
      withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { buffer += $0 }
      withUnsafeBytes(of: bytes.withUnsafeBytes { CacheFile.checksum($0) }.littleEndian) { buffer += $0 }
      buffer += bytes
      if buffer.count >= 1 << 20 { flush() }
    }

    private func flush() {
      var offset = 0
      while offset < buffer.count, !failed {
        let count = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, buffer.count - offset) }
        if count < 0, errno == EINTR { continue }
        if count <= 0 { failed = true }
        offset += max(count, 0)
      }
      buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and closes the file; it is put in place by ``Written/commit()``, once
    /// the build has put its output in place, or removed by ``Written/discard()``.
    func finish() -> Written {
      flush()
      close(descriptor)
      return Written(temporary: temporary, url: url, whole: !failed)
    }
  }

  /// A file written whole, beside the one it replaces.
  struct Written: Sendable {
    let temporary: URL
    let url: URL
    let whole: Bool

    func commit() {
      if !whole || rename(temporary.path, url.path) != 0 { unlink(temporary.path) }
    }

    func discard() { unlink(temporary.path) }
  }
}
