import Foundation
internal import CLibXML2

/// Collects what libxml2's output buffer writes: in memory, or straight into a file so that a
/// large feed is never held whole.
final class XMLOutputSink {
  /// The bytes so far, for a writer in memory.
  var data = Data()
  /// The open file, for a writer into a file; `nil` in memory or once closed.
  private var descriptor: Int32?
  /// Bytes kept until there are enough for one `write`.
  private var pending: [UInt8] = []
  private(set) var path: String?
  /// The system's reason for the first write that failed; later writes are skipped.
  private(set) var failure: String?
  private(set) var count = 0
  /// The line feeds written so far: the line a writer is on, for a map of where things are.
  private(set) var newlines = 0

  init() {}

  /// Creates the file; one already there is an error, never overwritten.
  convenience init(creating path: String) throws(XMLWriterError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard descriptor >= 0 else { throw XMLWriterError(.io(path: path, detail: String(cString: strerror(errno)))) }
    self.init(owning: descriptor, path: path)
  }

  /// Writes into an open file, closed with the sink; tests hand it /dev/full.
  init(owning descriptor: Int32, path: String) {
    self.descriptor = descriptor
    self.path = path
    pending.reserveCapacity(Self.chunk)
  }

  deinit { if let descriptor { Foundation.close(descriptor) } }

  var isFile: Bool { path != nil }

  func append(_ bytes: UnsafeRawBufferPointer) {
    count += bytes.count
    newlines += XMLText.lineFeeds(in: bytes)
    guard isFile else {
      data.append(contentsOf: bytes)
      return
    }
    if pending.count + bytes.count >= Self.chunk {
      flush()
      // A fragment of a hundred items goes to the file as it is, not through the buffer.
      if bytes.count >= Self.chunk { return writeAll(bytes) }
    }
    pending.append(contentsOf: bytes)
  }

  /// Writes what is pending to the file.
  func flush() {
    guard !pending.isEmpty else { return }
    pending.withUnsafeBytes { writeAll($0) }
    pending.removeAll(keepingCapacity: true)
  }

  private func writeAll(_ buffer: UnsafeRawBufferPointer) {
    guard let descriptor, failure == nil, let base = buffer.baseAddress else { return }
    var offset = 0
    while offset < buffer.count {
      let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        failure = String(cString: strerror(errno))
        return
      }
      offset += written
    }
  }

  /// Flushes and closes the file; throws the first write failure.
  func close() throws(XMLWriterError) {
    flush()
    if let descriptor, Foundation.close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
    descriptor = nil
    if let failure, let path { throw XMLWriterError(.io(path: path, detail: failure)) }
  }

  private static let chunk = 256 * 1024


  static let write: xmlOutputWriteCallback = { context, buffer, length in
    guard let context, let buffer, length > 0 else { return length < 0 ? -1 : 0 }
    let sink = Unmanaged<XMLOutputSink>.fromOpaque(context).takeUnretainedValue()
    sink.append(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
    // Always "written": told of a failure, libxml2 prints "I/O error : write error" on stderr,
    // which names neither file nor cause. The sink keeps the system's reason, and the writer
    // throws it, with the file's path, from its next call.
    return length
  }
}
