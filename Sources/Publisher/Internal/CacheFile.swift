import Foundation

/// One file of the build cache in ``CacheEncoder``'s form: a magic line, a checksum of the rest,
/// and the value. A file that is not one (damaged, cut short, or written by something else) is
/// refused whole, so no part of it is trusted.
enum CacheFile {
  private static let magic = Array("PODIUM-CACHE-1\n\0".utf8)
  /// Larger files are refused unread: a cache entry for the largest show is a few tens of MB.
  static let maximumSize = 1 << 30

  enum Problem: Error {
    /// There is no such file: nothing to say.
    case missing
    /// The file is there but can't be used.
    case unreadable
  }

  /// Reads a value from the file, which is mapped rather than read into memory: the checksum is
  /// taken a piece at a time, each piece given back once summed, so that only the parts the
  /// value is decoded from are ever in memory, never the whole file beside the value decoded
  /// from it (a large show's record is tens of MB, of which `validate` decodes a few findings;
  /// docs/performance.md). A cache file is only ever replaced whole, by a rename, so the file
  /// mapped is not cut short while it is read.
  static func read<T: Decodable>(_ type: T.Type, from url: URL) throws(Problem) -> T {
    try read(from: url) { try CacheDecoder.decode(type, from: $0) }
  }

  /// ``read(_:from:)``, the value's bytes (checked) handed to `decode`, for a caller that decodes
  /// them in parts (``RecordCopy/read(_:digest:)``: its header first, the rest only when it is wanted).
  static func read<T>(from url: URL, decode: (UnsafeRawBufferPointer) throws -> T) throws(Problem) -> T {
    var info = stat()
    guard lstat(url.path, &info) == 0 else { throw .missing }
    guard info.st_mode & S_IFMT == S_IFREG, info.st_size < maximumSize else { throw .unreadable }
    let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { throw .unreadable }
    defer { close(descriptor) }
    let header = magic.count + 8
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size < maximumSize,
      info.st_size >= header
    else { throw .unreadable }
    let size = Int(info.st_size)
    guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), base != UnsafeMutableRawPointer(bitPattern: -1)
    else {
      throw .unreadable
    }
    defer { munmap(base, size) }
    let buffer = UnsafeRawBufferPointer(start: base, count: size)
    guard buffer.prefix(magic.count).elementsEqual(magic) else { throw .unreadable }
    let stored = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: magic.count, as: UInt64.self))
    var sum = Checksum(count: size - header)
    let piece = 1 << 20
    var offset = header
    while offset < size {
      let end = min(offset + piece, size)
      sum.add(UnsafeRawBufferPointer(rebasing: buffer[offset..<end]))
      // The whole pages summed are given back: decoding reads again only those it needs.
      let pages = (end / pageSize) * pageSize
      if pages > 0 { madvise(base, pages, MADV_DONTNEED) }
      offset = end
    }
    guard sum.value == stored else { throw .unreadable }
    // The pages of each large byte array copied out are given back too, as it is decoded: a
    // show's record decoded for a build was otherwise resident twice until the file was unmapped.
    let mapping = Thread.current.threadDictionary
    mapping[mappingKey] = (start: Int(bitPattern: base), end: Int(bitPattern: base) + size)
    defer { mapping[mappingKey] = nil }
    do {
      return try decode(UnsafeRawBufferPointer(rebasing: buffer[header...]))
    } catch {
      throw .unreadable
    }
  }

  private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
  private static let mappingKey = "podium.CacheFile.mapping"

  /// Gives back the whole pages of `bytes`, once copied out, when they are in the file this
  /// thread is decoding from its mapping (``read(_:from:)``); otherwise (bytes in memory) nothing.
  static func copied(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress,
      let mapping = Thread.current.threadDictionary[mappingKey] as? (start: Int, end: Int)
    else { return }
    let (start, end) = (Int(bitPattern: base), Int(bitPattern: base) + bytes.count)
    guard mapping.start <= start, end <= mapping.end else { return }
    let first = (start + pageSize - 1) / pageSize * pageSize
    let last = end / pageSize * pageSize
    if first < last { madvise(UnsafeMutableRawPointer(bitPattern: first), last - first, MADV_DONTNEED) }
  }

  /// Writes the value, replacing the file in one step; false when it can't be written. The
  /// encoded value is written from where it is, into a temporary file beside `url`, not copied
  /// behind the header first: a large show's record is tens of MB (docs/performance.md).
  @discardableResult static func write(_ value: some Encodable, to url: URL) -> Bool {
    guard let payload = try? CacheEncoder.encode(value) else { return false }
    var header = magic
    withUnsafeBytes(of: payload.withUnsafeBytes { checksum($0) }.littleEndian) { header += $0 }
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return false }
    let whole = writeAll(header, to: descriptor) && writeAll(payload, to: descriptor)
    guard close(descriptor) == 0, whole, rename(temporary.path, url.path) == 0 else {
      unlink(temporary.path)
      return false
    }
    return true
  }

  /// ``write(_:to:)`` of a value whose top is a keyed container, a field at a time: the file has
  /// the bytes of the whole value's encoding, but only one field's encoding is held at a time,
  /// not the whole value's beside the value (a large show's record is tens of MB encoded, the
  /// last peak of a large build; docs/performance.md).
  ///
  /// - Parameter fields: each field's key and what encodes its value (``CacheEncoder/encode(_:)``),
  ///   in the order the value's `encode(to:)` writes them.
  @discardableResult static func write(fields: [(key: String, value: () throws -> [UInt8])], to url: URL) -> Bool {
    guard let writer = FieldWriter(to: url, count: fields.count) else { return false }
    for field in fields {
      guard let value = try? field.value() else { return false }
      writer.add(field.key, value)
    }
    return writer.finish()
  }

  /// A file of ``write(fields:to:)``'s form written as its fields come, each written out once
  /// given: a caller that makes its fields as it goes (``RecordCopy/Writer``) holds none of them
  /// beside the others. The checksum is taken once the bytes are in the temporary file, read back
  /// a piece at a time, and put into its header before the rename. A writer let go of unfinished
  /// removes its temporary file.
  final class FieldWriter {
    private let url: URL
    private let temporary: URL
    private var descriptor: Int32
    /// Fields promised and not yet given.
    private var remaining: Int
    private var whole = true

    /// - Parameter count: how many fields will be given.
    init?(to url: URL, count: Int) {
      self.url = url
      temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
      descriptor = open(temporary.path, O_RDWR | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
      guard descriptor >= 0 else { return nil }
      remaining = count
      // A keyed container, as ``CacheEncoder`` writes one: the count of entries, then each entry's
      // key (length, UTF-8), a presence byte and the value (length, bytes).
      var start = CacheFile.magic + [UInt8](repeating: 0, count: 8)
      CacheEncoder.appendNumber(count, to: &start)
      whole = CacheFile.writeAll(start, to: descriptor)
    }

    deinit {
      if descriptor >= 0 {
        close(descriptor)
        unlink(temporary.path)
      }
    }

    /// Writes one field: its key and its value's encoding (``CacheEncoder/encode(_:)``).
    func add(_ key: String, _ value: [UInt8]) {
      guard whole, descriptor >= 0, remaining > 0 else {
        whole = false
        return
      }
      remaining -= 1
      var entry: [UInt8] = []
      CacheEncoder.appendNumber(key.utf8.count, to: &entry)
      entry += key.utf8
      entry.append(1)
      CacheEncoder.appendNumber(value.count, to: &entry)
      whole = CacheFile.writeAll(entry, to: descriptor) && CacheFile.writeAll(value, to: descriptor)
    }

    /// Puts the file in place, once every field promised was written; false (and nothing left
    /// behind) when one could not be.
    func finish() -> Bool {
      guard descriptor >= 0 else { return false }
      let header = CacheFile.magic.count + 8
      var info = stat()
      if whole, remaining == 0, fstat(descriptor, &info) == 0, Int(info.st_size) >= header {
        let count = Int(info.st_size) - header
        var sum = CacheFile.Checksum(count: count)
        var piece = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while whole, offset < count {
          let length = min(piece.count, count - offset)
          whole = piece.withUnsafeMutableBytes { buffer in
            let part = UnsafeMutableRawBufferPointer(rebasing: buffer[..<length])
            guard CacheFile.readAll(part, from: descriptor, at: header + offset) else { return false }
            sum.add(UnsafeRawBufferPointer(part))
            return true
          }
          offset += length
        }
        whole = whole && withUnsafeBytes(of: sum.value.littleEndian) { pwrite(descriptor, $0.baseAddress!, 8, off_t(CacheFile.magic.count)) == 8 }
      } else {
        whole = false
      }
      let closed = close(descriptor) == 0
      descriptor = -1
      guard closed, whole, rename(temporary.path, url.path) == 0 else {
        unlink(temporary.path)
        return false
      }
      return true
    }
  }

  private static func readAll(_ buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32, at offset: Int) -> Bool {
    read(into: buffer, from: descriptor, at: offset) == buffer.count
  }

  /// Reads into `buffer` from `offset` until it is full or the file ends, an interrupted read
  /// tried again: how many bytes were read, or `nil` on an error. The cache's files, and the
  /// files it reads back beside them, are read by range through this one loop.
  static func read(into buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32, at offset: Int) -> Int? {
    guard let base = buffer.baseAddress else { return 0 }
    var done = 0
    while done < buffer.count {
      let count = pread(descriptor, base + done, buffer.count - done, off_t(offset + done))
      if count < 0, errno == EINTR { continue }
      if count < 0 { return nil }
      if count == 0 { break }
      done += count
    }
    return done
  }

  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let count = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return false }
      offset += count
    }
    return true
  }

  /// A 64-bit checksum, eight bytes a step: enough to tell a damaged file, fast enough not to
  /// count beside reading it (it is no defence against someone who writes the cache on purpose,
  /// nor need it be: the cache is the user's own, beside the output).
  static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var sum = Checksum(count: bytes.count)
    sum.add(bytes)
    return sum.value
  }

  /// ``checksum(_:)`` taken piece by piece: every piece but the last a multiple of eight bytes.
  private struct Checksum {
    private var hash: UInt64
    private var tail = false

    /// - Parameter count: how many bytes will be added in all.
    init(count: Int) { hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count) }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
      precondition(!tail, "only the last piece may leave bytes over")
      var offset = 0
      while offset + 8 <= bytes.count {
        hash = (hash ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
          &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 31
        offset += 8
      }
      tail = offset < bytes.count
      while offset < bytes.count {
        hash = (hash ^ UInt64(bytes[offset])) &* 0x94D0_49BB_1331_11EB
        offset += 1
      }
    }

    var value: UInt64 { hash ^ (hash >> 29) }
  }
}
