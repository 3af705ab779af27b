import Foundation

/// The entries of one folder by their raw names, read with readdir: a name that is not valid
/// UTF-8 is still seen (and can be named in a message), where Foundation would drop or mangle it.
enum FolderEntries {
  struct Entry {
    /// The name's bytes, and the name with invalid bytes shown as `\xNN`.
    var bytes: [UInt8]
    var name: String
    var kind: Kind
  }

  enum Kind { case file, folder, link, other }

  /// - Returns: `nil` when the folder can't be opened.
  static func list(_ path: String) -> [Entry]? {
    guard let stream = opendir(path) else { return nil }
    defer { closedir(stream) }
    var entries: [Entry] = []
    while let entry = readdir(stream) {
      let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
      if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
      entries.append(Entry(bytes: bytes, name: displayName(bytes), kind: kind(of: bytes, in: path)))
    }
    return entries.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
  }

  /// The entry's kind by `lstat`, which does not follow a link; the raw name reaches the call.
  private static func kind(of name: [UInt8], in folder: String) -> Kind {
    var status = stat()
    let full = Array(folder.utf8) + [0x2F] + name + [0]
    let result = full.withUnsafeBytes { lstat($0.bindMemory(to: CChar.self).baseAddress!, &status) }
    guard result == 0 else { return .other }
    switch status.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .folder
    case S_IFLNK: return .link
    default: return .other
    }
  }
  /// The name as text, with each byte that is not part of valid UTF-8 written `\xNN`.
  static func displayName(_ bytes: [UInt8]) -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    return bytes.map { $0 < 0x80 ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16, uppercase: true) }.joined()
  }
}
