import Foundation

/// One show's file of the per-episode cache (``EpisodeCache``): a magic line, then records, each
/// its length, a checksum (``CacheFile/checksum(_:)``) and its bytes. The first record names the
/// format, the Podium and the show's context; each other is one episode file's entry: its name,
/// its stamp and its reading in ``CacheEncoder``'s form.
///
/// Records, not one value, so that a file is written as its entries come (a large show's are
/// never all held) and read without copying each reading: an entry is a range of the file's bytes.
enum EpisodeCacheFile {
  private static let magic = Array("PODIUM-EPISODES\n".utf8)

  struct Header: Codable, Equatable {
    var format: Int
    var podium: String
    var context: String
  }

  /// A file as read: its bytes, and each entry's stamp and reading, by name.
  struct Contents {
    let header: Header
    let bytes: [UInt8]
    let entries: [String: (stamp: FileStamp, reading: Range<Int>)]
  }

  /// Reads a file; a damaged record makes the file unreadable (a file cut short is not: its
  /// whole records are kept).
  static func read(_ url: URL) throws(CacheFile.Problem) -> Contents {
    var info = stat()
    guard lstat(url.path, &info) == 0 else { throw .missing }
    guard info.st_mode & S_IFMT == S_IFREG, info.st_size < CacheFile.maximumSize,
      let data = FileManager.default.contents(atPath: url.path)
    else { throw .unreadable }
    let bytes = [UInt8](data)
    guard bytes.starts(with: magic) else { throw .unreadable }
    var offset = magic.count
    var records: [Range<Int>] = []
    while offset + 12 <= bytes.count {
      let (length, checksum) = bytes.withUnsafeBytes { buffer in
        (Int(UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))),
         UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt64.self)))
      }
      let start = offset + 12
      guard length <= bytes.count - start else { break }
      let range = start..<start + length
      guard bytes.withUnsafeBytes({ CacheFile.checksum(UnsafeRawBufferPointer(rebasing: $0[range])) }) == checksum else {
        throw .unreadable
      }
      records.append(range)
      offset = range.upperBound
    }
    guard let first = records.first,
      let header = try? CacheDecoder.decode(Header.self, from: Array(bytes[first]))
    else { throw .unreadable }
    var entries: [String: (stamp: FileStamp, reading: Range<Int>)] = [:]
    entries.reserveCapacity(records.count - 1)
    for range in records.dropFirst() {
      guard let (name, stamp, reading) = entry(bytes, range) else { throw .unreadable }
      entries[name] = (stamp, reading)
    }
    return Contents(header: header, bytes: bytes, entries: entries)
  }

  /// An entry's name, stamp and where its reading is.
  private static func entry(_ bytes: [UInt8], _ range: Range<Int>) -> (String, FileStamp, Range<Int>)? {
    guard range.count >= 2 else { return nil }
    let nameLength = Int(bytes[range.lowerBound]) | Int(bytes[range.lowerBound + 1]) << 8
    let nameEnd = range.lowerBound + 2 + nameLength
    let stampEnd = nameEnd + FileStamp.byteCount
    guard stampEnd <= range.upperBound, let stamp = FileStamp(bytes[nameEnd..<stampEnd]) else { return nil }
    return (String(decoding: bytes[range.lowerBound + 2..<nameEnd], as: UTF8.self), stamp, stampEnd..<range.upperBound)
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

    /// Adds an entry; `reading` is its ``EpisodeReading`` as ``CacheEncoder`` wrote it.
    func add(name: String, stamp: FileStamp, reading: some Collection<UInt8>) {
      let name = Array(name.utf8)
      guard name.count < 1 << 16 else { return }
      var entry: [UInt8] = [UInt8(name.count & 0xFF), UInt8(name.count >> 8)]
      entry.reserveCapacity(2 + name.count + FileStamp.byteCount + reading.count)
      entry += name
      entry += stamp.bytes
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
