import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds the file a request names below a served folder, and only there: the real path, after
/// every symbolic link is resolved, must stay inside the folder's own real path, so a link in
/// the catalogue that points elsewhere on the disk is never followed out; nor may it pass through
/// a hidden name (`.git`, `.podium`), which a request may not name either (``RequestPath``).
enum ServedFile {
  enum Lookup: Equatable {
    case file(URL)
    /// A folder asked for without its closing `/`: relative links in its index need it.
    case folder
    case missing
  }

  static func find(_ segments: [String], isFolder: Bool, in root: URL) -> Lookup {
    guard let base = realPath(root.path) else { return .missing }
    let path = ([root.path] + segments).joined(separator: "/")
    let inside = base == "/" ? "/" : base + "/"
    guard let real = realPath(path), real == base || real.hasPrefix(inside),
      !real.dropFirst(inside.count).split(separator: "/").contains(where: { $0.hasPrefix(".") })
    else { return .missing }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory) else { return .missing }
    guard isDirectory.boolValue else { return isFolder ? .missing : .file(URL(fileURLWithPath: real)) }
    guard isFolder else { return segments.isEmpty ? .missing : .folder }
    // The index must be a plain file inside the folder too.
    return find(segments + ["index.html"], isFolder: false, in: root)
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
