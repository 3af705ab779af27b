import Foundation

/// The names in a folder, read with `readdir`. Foundation on Linux turns the bytes of a name
/// that is not UTF-8 into U+FFFD, a name no file has, so such a folder or episode file would be
/// skipped without a word (or an output folder's file taken for none); here it is kept apart,
/// as its bytes, to be reported.
public struct FolderListing: Sendable {
  /// The names that are UTF-8, sorted.
  public private(set) var names: [String] = []
  /// The names that are not, as their bytes, sorted.
  public private(set) var undecodable: [[UInt8]] = []

  /// Why a folder can't be listed, in the system's words ("Permission denied").
  public struct Unreadable: Error {
    public let reason: String
  }

  public init(atPath path: String) throws(Unreadable) {
    guard let directory = opendir(path) else { throw Unreadable(reason: String(cString: strerror(errno))) }
    defer { closedir(directory) }
    while let entry = readdir(directory) {
      let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
      if bytes == Array(".".utf8) || bytes == Array("..".utf8) { continue }
      if let name = String(validating: bytes, as: UTF8.self) {
        names.append(name)
      } else {
        undecodable.append(bytes)
      }
    }
    names.sort()
    undecodable.sort { $0.lexicographicallyPrecedes($1) }
  }

  /// Whether the entry with these name bytes in the folder at `path` is a folder (following a
  /// symbolic link, as for the other names).
  public static func isDirectory(_ name: [UInt8], in path: String) -> Bool {
    var info = stat()
    let full = Array(path.utf8) + [UInt8(ascii: "/")] + name + [0]
    let found = full.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { stat($0.baseAddress!, &info) == 0 }
    }
    return found && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// `gesprekken\xFF`: the name as text where its bytes are UTF-8, each other byte (and each
  /// control character) written as `\xFF`, so a finding can show it and the producer find it.
  public static func escaped(_ bytes: [UInt8]) -> String {
    var text = ""
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      let length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
        : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
      if length > 0, index + length <= bytes.count, lead >= 0x20, lead != 0x7F,
        let character = String(validating: bytes[index..<index + length], as: UTF8.self)
      {
        text += character
        index += length
      } else {
        text += String(format: "\\x%02X", lead)
        index += 1
      }
    }
    return text
  }

  /// What an entry is, without following a symbolic link.
  public enum Kind: Sendable { case file, folder, link, other }

  /// The kind of the entry `name` in the folder at `path`, by `lstat`.
  public static func kind(of name: String, in path: String) -> Kind {
    var info = stat()
    guard lstat(path + "/" + name, &info) == 0 else { return .other }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .folder
    case S_IFLNK: return .link
    default: return .other
    }
  }
}

extension FolderListing {
  /// The names in the open folder `descriptor` but `.` and `..`, in the order the system lists
  /// them (names that are not UTF-8 repaired); `nil` when it can't be read. The descriptor stays
  /// the caller's.
  public static func names(inFolder descriptor: Int32) -> [String]? {
    var names: [String] = []
    guard FolderEntries.forEach(in: descriptor, { name, _ in names.append(String(cString: name)) }) else { return nil }
    return names
  }
}
