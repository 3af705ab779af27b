import Foundation

/// Random access to a file's bytes, counting what was read so probes stay cheap.
protocol ByteSource: AnyObject {
  var size: Int64 { get }
  var bytesRead: Int64 { get }
  /// Up to `count` bytes at `offset`; fewer at the end of the file. Throws past the read budget.
  func read(at offset: Int64, count: Int) throws(ProbeFailure) -> [UInt8]
}

/// Why parsing stopped early. Parsers turn these into findings.
enum ProbeFailure: Error, Equatable {
  /// A read past the end of the data a structure needs.
  case outOfBounds(offset: Int64)
  /// The read budget or another limit was reached.
  case limit(String)
  case io(String)
}

/// A file read with `pread`, never mapped or read whole.
final class FileByteSource: ByteSource {
  let size: Int64
  private(set) var bytesRead: Int64 = 0
  private let descriptor: Int32
  private let limits: ProbeLimits

  /// Why a path could not be opened for probing, in the user's words.
  enum OpenFailure: Error, Equatable {
    /// `open` or `fstat` failed; the system's reason.
    case system(String)
    /// Not a regular file: a FIFO, folder, device or socket, named.
    case notAFile(String)
  }

  /// Opens without blocking, so a FIFO with no writer can't hold the probe for ever, and refuses
  /// anything but a regular file before reading a byte: a folder can't be read, and a device
  /// such as /dev/zero never ends.
  init(path: String, limits: ProbeLimits) throws(OpenFailure) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw .system(String(cString: strerror(errno))) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      let reason = String(cString: strerror(errno))
      close(descriptor)
      throw .system(reason)
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      close(descriptor)
      throw .notAFile(FileType.name(of: info.st_mode))
    }
    self.descriptor = descriptor
    self.size = Int64(info.st_size)
    self.limits = limits
  }

  /// Reads a file already open (and checked to be a regular file) through its own copy of the
  /// descriptor, so what is probed is the file that was opened, whatever its name names now.
  init(duplicating descriptor: Int32, size: Int64, limits: ProbeLimits) throws(OpenFailure) {
    let copy = dup(descriptor)
    guard copy >= 0 else { throw .system(String(cString: strerror(errno))) }
    self.descriptor = copy
    self.size = size
    self.limits = limits
  }

  deinit { close(descriptor) }

  func read(at offset: Int64, count: Int) throws(ProbeFailure) -> [UInt8] {
    guard offset >= 0, count >= 0 else { throw .outOfBounds(offset: offset) }
    let wanted = Int(min(Int64(min(count, limits.maximumChunk)), max(0, size - offset)))
    guard wanted > 0 else { return [] }
    guard bytesRead + Int64(wanted) <= limits.maximumBytesRead else {
      throw .limit("the probe would read more than \(limits.maximumBytesRead) bytes")
    }
    var buffer = [UInt8](repeating: 0, count: wanted)
    var done = 0
    while done < wanted {
      let result = buffer.withUnsafeMutableBytes { raw in
        pread(descriptor, raw.baseAddress.map { $0 + done }, wanted - done, off_t(offset) + off_t(done))
      }
      if result < 0, errno == EINTR { continue }
      if result < 0 { throw .io(String(cString: strerror(errno))) }
      if result == 0 { break }
      done += result
    }
    bytesRead += Int64(done)
    return done == wanted ? buffer : Array(buffer[..<done])
  }
}

/// Bytes already in memory, for tests and fuzzing.
final class MemoryByteSource: ByteSource {
  let bytes: [UInt8]
  private(set) var bytesRead: Int64 = 0
  private let limits: ProbeLimits
  var size: Int64 { Int64(bytes.count) }

  init(bytes: [UInt8], limits: ProbeLimits) {
    self.bytes = bytes
    self.limits = limits
  }

  func read(at offset: Int64, count: Int) throws(ProbeFailure) -> [UInt8] {
    guard offset >= 0, count >= 0 else { throw .outOfBounds(offset: offset) }
    guard offset < size else { return [] }
    let end = Int(min(size, offset + Int64(min(count, limits.maximumChunk))))
    guard bytesRead + Int64(end - Int(offset)) <= limits.maximumBytesRead else {
      throw .limit("the probe would read more than \(limits.maximumBytesRead) bytes")
    }
    bytesRead += Int64(end - Int(offset))
    return Array(bytes[Int(offset)..<end])
  }
}
