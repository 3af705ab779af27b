import Foundation
internal import CPodiumSystem

/// The folder a build replaces, found and checked before anything is written (docs/safety.md):
/// - a symbolic link is followed, so the link stays and its target gets the new output;
/// - it may not be `/`, the home folder, the system's temporary folder, the current folder or
///   one of its ancestors, nor the catalogue, a folder holding it or a folder inside it, nor a
///   mount point, which can't be swapped;
/// - it must be absent, empty, or an earlier Podium output that holds nothing Podium did not
///   write, as its manifest (``OutputManifest``) lists.
public struct OutputFolder: Sendable {
  /// The path as it was given.
  public let requested: URL
  /// The real folder that is replaced: the link's target when `requested` is a symbolic link.
  public let url: URL

  /// Finds the real folder behind `requested`.
  public init(_ requested: URL) throws(OutputRefusal) {
    self.requested = requested
    let path = requested.standardizedFileURL.path
    var status = stat()
    if lstat(path, &status) == 0 {
      switch status.st_mode & S_IFMT {
      case S_IFDIR: break
      case S_IFLNK:
        guard let target = Self.realPath(path), stat(target, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
          let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
          throw OutputRefusal(
            kind: .place, folder: path,
            message: "the output \(path) is a symbolic link to \(destination), which is not a folder; create that "
              + "folder, or give --output a folder")
        }
      default:
        throw OutputRefusal(
          kind: .place, folder: path,
          message: "the output \(path) exists and is not a folder; give --output a folder, new or empty")
      }
      url = URL(fileURLWithPath: Self.realPath(path) ?? path, isDirectory: true)
    } else {
      url = URL(fileURLWithPath: Self.resolvingExistingPart(path), isDirectory: true)
    }
  }

  /// Refuses a folder no build may replace. The catalogue and the current folder are compared by
  /// their real paths, so no symbolic link or `..` hides an overlap.
  public func checkPlace(
    catalogue: URL, currentFolder: String = FileManager.default.currentDirectoryPath,
    home: String? = ProcessInfo.processInfo.environment["HOME"],
    temporary: [String] = ["/tmp", "/var/tmp", NSTemporaryDirectory()]
  ) throws(OutputRefusal) {
    let catalogue = Self.resolvingExistingPart(catalogue.standardizedFileURL.path)
    let real = { (path: String) in Self.resolvingExistingPart(URL(fileURLWithPath: path).standardizedFileURL.path) }
    if let problem = Self.placeProblem(
      output: url.path, catalogue: catalogue, currentFolder: real(currentFolder),
      home: home.flatMap { $0.isEmpty ? nil : real($0) }, temporary: temporary.filter { !$0.isEmpty }.map(real))
    {
      throw OutputRefusal(
        kind: .place, folder: url.path,
        message: "refusing to use \(url.path) as the output: it \(problem). A build replaces its output folder "
          + "whole; give --output a folder of its own, such as feeds/ beside the catalogue")
    }
    // A build swaps the output with its staging folder by renaming, which the system refuses
    // for a mount point ("Device or resource busy", about a folder the producer never named).
    if podium_is_mount_point(url.path) == 1 {
      throw OutputRefusal(
        kind: .place, folder: url.path,
        message: "refusing to use \(url.path) as the output: it is a mount point (a disk, a network share or a "
          + "container's volume), and a build replaces its output folder by renaming it, which a mount point can't "
          + "be. Give --output a folder inside it, such as \(url.path)/feeds")
    }
  }

  /// What makes `output` a folder no build may replace, or `nil`. All paths are real paths.
  public static func placeProblem(
    output: String, catalogue: String, currentFolder: String, home: String?, temporary: [String]
  ) -> String? {
    func contains(_ folder: String, _ path: String) -> Bool {
      folder == "/" ? path != "/" : path.hasPrefix(folder + "/")
    }
    if output == "/" { return "is the root folder" }
    if let home, output == home { return "is your home folder" }
    if let home, contains(output, home) { return "holds your home folder" }
    if temporary.contains(output) { return "is the system's temporary folder" }
    if output == catalogue { return "is the catalogue" }
    if contains(output, catalogue) { return "holds the catalogue" }
    if contains(catalogue, output) { return "is inside the catalogue" }
    if output == currentFolder { return "is the current folder" }
    if contains(output, currentFolder) { return "holds the current folder" }
    return nil
  }

  /// Refuses a folder that holds anything Podium did not write.
  ///
  /// - Parameters:
  ///   - legacyMarker: the file that marked an output of a Podium from before the manifest
  ///     (`.podium/published.json`), or `nil` to accept only outputs with a manifest.
  ///   - legacyOwns: for such an output, whether an entry outside the marker's folder is one
  ///     that Podium wrote, by its path and kind; the caller knows the output's layout. Called
  ///     only for such an output.
  ///   - keepingManifest: whether to keep the manifest read here for the next check, which takes
  ///     it (once) when its manifest has the same bytes: the check just before a swap keeps it
  ///     for the check of the old output just after, and no build holds it in between.
  /// - Returns: for a folder with a manifest, how many files each of its folders at the top
  ///   holds, all the way down, by name (a build keeps a show's folder in place only when it
  ///   holds exactly the files its record names); `nil` for any other (empty, absent, or from
  ///   before the manifest).
  @discardableResult public func checkOwnership(
    legacyMarker: String? = nil, legacyOwns: (String, FolderListing.Kind) -> Bool = { _, _ in false },
    keepingManifest: Bool = false
  ) throws(OutputRefusal) -> [String: Int]? {
    guard let top = try? FolderListing(atPath: url.path), !(top.names.isEmpty && top.undecodable.isEmpty) else { return nil }
    if let manifest = readManifest(keeping: keepingManifest) {
      // The usual answer, "all ours", from one walk by descriptors on every core; only when it
      // is not is the folder walked again in name order, to name the first entry that isn't.
      if let files = manifest.listedFiles(url.path) { return files }
      if let foreign = firstForeign(in: "", entries: top, isOurs: { path, kind in
        kind == .file ? manifest.containsFile(path) : kind == .folder && manifest.containsFolder(path)
      }) {
        throw foreignRefusal(foreign)
      }
      return nil
    }
    var status = stat()
    guard let legacyMarker, lstat(url.path + "/" + legacyMarker, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG
    else {
      throw OutputRefusal(
        kind: .foreign, folder: url.path,
        message: "refusing to replace \(url.path): it holds '\(top.names.first ?? top.undecodable.first.map(FolderListing.escaped) ?? "")' and has no \(OutputManifest.path), so it "
          + "is not a folder Podium wrote, and a build replaces its output folder whole. Give --output a new or "
          + "empty folder; if this was Podium's output and .podium/ was deleted, restore .podium/ from git first")
    }
    // Before the manifest: the marker and its folder, and what the caller says Podium wrote.
    let markerFolder = legacyMarker.split(separator: "/").dropLast().joined(separator: "/")
    if let foreign = firstForeign(in: "", entries: top, isOurs: { path, kind in
      if path == legacyMarker { return kind == .file }
      if path == markerFolder { return kind == .folder }
      if !markerFolder.isEmpty, path.hasPrefix(markerFolder + "/") { return false }
      return (kind == .file || kind == .folder) && legacyOwns(path, kind)
    }) {
      throw foreignRefusal(foreign)
    }
    return nil
  }

  private func foreignRefusal(_ path: String) -> OutputRefusal {
    OutputRefusal(
      kind: .foreign, folder: url.path,
      message: "refusing to replace \(url.path): it holds '\(path)', which Podium did not write, and a build "
        + "replaces its output folder whole. Move '\(path)' out of the folder, or give --output another folder")
  }

  /// The first entry, depth first in name order, that is not ours; links, devices and names
  /// that are not UTF-8 never are.
  private func firstForeign(
    in folder: String, entries: FolderListing, isOurs: (String, FolderListing.Kind) -> Bool
  ) -> String? {
    let prefix = folder.isEmpty ? "" : folder + "/"
    if let name = entries.undecodable.first { return prefix + FolderListing.escaped(name) }
    for name in entries.names {
      let path = prefix + name
      let kind = FolderListing.kind(of: path, in: url.path)
      guard isOurs(path, kind) else { return path }
      if kind == .folder {
        guard let inner = try? FolderListing(atPath: url.path + "/" + path) else { return path }
        if let foreign = firstForeign(in: path, entries: inner, isOurs: isOurs) { return foreign }
      }
    }
    return nil
  }

  private func readManifest(keeping: Bool) -> ManifestIndex? {
    let path = url.path + "/" + OutputManifest.path
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return nil }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size < 256 << 20,
      let data = try? handle.readToEnd()
    else { return nil }
    return ManifestIndex.of(data, keeping: keeping)
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// The real path of the longest part of `path` that exists, with the rest appended.
  static func resolvingExistingPart(_ path: String) -> String {
    var head = URL(fileURLWithPath: path).standardizedFileURL
    var tail: [String] = []
    while realPath(head.path) == nil, head.path != "/" {
      tail.insert(head.lastPathComponent, at: 0)
      head.deleteLastPathComponent()
    }
    let base = realPath(head.path) ?? head.path
    return tail.reduce(base) { $0.hasSuffix("/") ? $0 + $1 : $0 + "/" + $1 }
  }
}
