import AtomicOutput
import Foundation
import Identifiers

/// A folder on this machine as a publish target: a web server's document root, or a mounted
/// one (`podium publish --to DIR`).
///
/// It writes each file whole (a temporary file beside it, then a rename), remembers what it wrote
/// in a manifest of its own in the folder (``DirectoryJournal``), and never deletes a file, nor
/// replaces one it did not write: the folder is shared with whatever else the web server serves.
/// The folder must exist, and may not be one no build may replace either (`/`, the home folder,
/// the system's temporary folder, the catalogue, the current folder, …: ``OutputFolder``).
public final class DirectoryStore: ObjectStore, @unchecked Sendable {
  /// The real folder, symbolic links resolved.
  public let folder: URL
  private let journal: DirectoryJournal
  private let lock = NSLock()
  /// What this store wrote, by key; loaded by `list()` or the first call that needs it.
  private var owned: [String: DirectoryJournal.Entry]?
  private var compacted = false
  /// Temporary files a killed publish left, found by `list()` and removed by the first write, so
  /// that a dry run changes nothing.
  private var leftovers: [String] = []

  /// The prefix of the temporary files a put writes beside its target.
  static let temporaryPrefix = ".podium-upload-"

  /// - Parameters:
  ///   - folder: the document root.
  ///   - catalogue: the catalogue being published, which the folder may not hold or be inside.
  public init(
    folder requested: URL, catalogue: URL, currentFolder: String = FileManager.default.currentDirectoryPath,
    home: String? = ProcessInfo.processInfo.environment["HOME"],
    temporary: [String] = ["/tmp", "/var/tmp", NSTemporaryDirectory()]
  ) throws(ObjectStoreError) {
    let resolved: OutputFolder
    do throws(OutputRefusal) {
      resolved = try OutputFolder(requested)
    } catch {
      throw ObjectStoreError(kind: .local, message: error.message)
    }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: resolved.url.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw ObjectStoreError(
        kind: .noSuchContainer,
        message: "\(requested.path) does not exist: give --to the web server's document root, which must exist")
    }
    let real = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
    if let problem = OutputFolder.placeProblem(
      output: resolved.url.standardizedFileURL.path, catalogue: real(catalogue.path), currentFolder: real(currentFolder),
      home: home.flatMap { $0.isEmpty ? nil : real($0) }, temporary: temporary.filter { !$0.isEmpty }.map(real))
    {
      throw ObjectStoreError(
        kind: .local,
        message: "refusing to publish into \(resolved.url.path): it \(problem). Give --to the web server's document "
          + "root, or a folder of its own inside it")
    }
    folder = resolved.url.standardizedFileURL
    journal = DirectoryJournal(folder: folder)
  }

  public var location: String { folder.path }

  public func list() throws(ObjectStoreError) -> [String: StoredObject] {
    // Only reads: a dry run leaves the folder as it was.
    let entries = try journal.read()
    lock.withLock { owned = entries }
    var objects: [String: StoredObject] = [:]
    var found: [String] = []
    try walk("", leftovers: &found) { key, info in
      objects[key] = stored(key, info, entry: entries[key])
    }
    lock.withLock { leftovers = found }
    return objects
  }

  public func head(_ key: String) throws(ObjectStoreError) -> StoredObject? {
    let path = try self.path(for: key)
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    let entries = try ownedEntries()
    return stored(key, info, entry: entries[key])
  }

  public func put(_ upload: ObjectUpload, progress: @Sendable (Int64) -> Void) throws(ObjectStoreError) {
    let target = try path(for: upload.key)
    let entries = try compactOnce()
    var info = stat()
    if lstat(target, &info) == 0 {
      guard entries[upload.key] != nil, (info.st_mode & S_IFMT) == S_IFREG else {
        throw ObjectStoreError(
          kind: .local, key: upload.key,
          message: "\(target) is already there and Podium did not write it, so it is left alone. Move it away if the "
            + "published file should take its place")
      }
    }
    let parent = (target as NSString).deletingLastPathComponent
    try makeFolders(parent, key: upload.key)
    let temporary = parent + "/" + Self.temporaryPrefix + UUID().uuidString
    do {
      try copy(upload.file, to: temporary, progress: progress)
    } catch {
      unlink(temporary)
      throw ObjectStoreError(
        kind: .local, key: upload.key, message: "can't write \(target): \(error)")
    }
    var written = stat()
    guard stat(temporary, &written) == 0 else {
      unlink(temporary)
      throw ObjectStoreError(kind: .local, key: upload.key, message: "can't write \(target): the file vanished")
    }
    let entry = DirectoryJournal.Entry(
      key: upload.key, sha256: upload.sha256, size: Int64(written.st_size), modified: Self.modified(written))
    do throws(ObjectStoreError) {
      try journal.append(entry)
    } catch {
      unlink(temporary)
      throw error
    }
    guard rename(temporary, target) == 0 else {
      let detail = String(cString: strerror(errno))
      unlink(temporary)
      throw ObjectStoreError(kind: .local, key: upload.key, message: "can't write \(target): \(detail)")
    }
    lock.withLock { owned?[upload.key] = entry }
  }

  /// Folds the journal into the manifest, so the folder holds one small file of Podium's between publishes.
  /// Without a journal (nothing written since the last fold) the manifest is left as it is.
  public func finish() throws(ObjectStoreError) {
    lock.lock()
    defer { lock.unlock() }
    guard FileManager.default.fileExists(atPath: journal.journalURL.path) else { return }
    let entries = try journal.read()
    try journal.compact(entries)
    owned = entries
    compacted = true
  }

  public func allowCrossOriginReads() throws(ObjectStoreError) -> CrossOriginOutcome {
    .notPossible(
      instructions: "a folder has no cross-origin setting of its own: make the web server that serves \(folder.path) "
        + "answer GET and HEAD with 'Access-Control-Allow-Origin: *' (nginx: add_header Access-Control-Allow-Origin * "
        + "always; Apache: Header set Access-Control-Allow-Origin \"*\"; Caddy: header Access-Control-Allow-Origin *), "
        + "so websites can embed the video index")
  }

  // MARK: -

  /// Before the first write of a publish, the journal is folded into the manifest.
  private func compactOnce() throws(ObjectStoreError) -> [String: DirectoryJournal.Entry] {
    lock.lock()
    defer { lock.unlock() }
    if compacted, let owned { return owned }
    let entries = try journal.read()
    try journal.compact(entries)
    owned = entries
    compacted = true
    for path in leftovers { unlink(path) }
    leftovers = []
    return entries
  }

  private func ownedEntries() throws(ObjectStoreError) -> [String: DirectoryJournal.Entry] {
    if let owned = lock.withLock({ owned }) { return owned }
    let entries = try journal.read()
    lock.withLock { owned = entries }
    return entries
  }

  /// The object for a file: its digest is the manifest's while the file is still the one written,
  /// else read from its bytes; nil for a file Podium did not write.
  private func stored(_ key: String, _ info: stat, entry: DirectoryJournal.Entry?) -> StoredObject {
    let size = Int64(info.st_size)
    guard let entry else { return StoredObject(key: key, size: size) }
    if entry.size == size, entry.modified == Self.modified(info) {
      return StoredObject(key: key, size: size, sha256: entry.sha256)
    }
    let digest = ContentDigest.sha256Hex(ofFileAt: folder.appendingPathComponent(key))
    return StoredObject(key: key, size: size, sha256: digest)
  }

  /// Every regular file under `relative`, depth first, without the store's own files; the
  /// temporary files a killed publish left go to `leftovers` instead.
  private func walk(_ relative: String, leftovers: inout [String], _ visit: (String, stat) -> Void)
    throws(ObjectStoreError)
  {
    let path = relative.isEmpty ? folder.path : folder.path + "/" + relative
    let listing: FolderListing
    do {
      listing = try FolderListing(atPath: path)
    } catch {
      throw ObjectStoreError(kind: .local, message: "can't list \(path): \(error)")
    }
    for name in listing.names {
      let key = relative.isEmpty ? name : relative + "/" + name
      if relative.isEmpty, name == DirectoryJournal.manifestName || name == DirectoryJournal.journalName { continue }
      var info = stat()
      guard lstat(path + "/" + name, &info) == 0 else { continue }
      switch info.st_mode & S_IFMT {
      case S_IFREG:
        // A temporary file left by a publish that was killed: this store's own, never an object.
        if name.hasPrefix(Self.temporaryPrefix) {
          leftovers.append(path + "/" + name)
          continue
        }
        visit(key, info)
      case S_IFDIR:
        try walk(key, leftovers: &leftovers, visit)
      default:
        // Links and devices are not objects; a put refuses to replace them.
        visit(key, info)
      }
    }
  }

  /// The file a key names, refused when it could land outside the folder, or on a hidden name:
  /// the store's own files, and what a web server reads as its settings (Apache's `.htaccess`,
  /// in any folder) or keeps private (`.git`), which a catalogue's file names must never reach.
  private func path(for key: String) throws(ObjectStoreError) -> String {
    let names = key.split(separator: "/", omittingEmptySubsequences: false)
    guard !key.isEmpty, !names.contains(where: { $0.isEmpty || $0.hasPrefix(".") }),
      !key.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
    else {
      let reason =
        names.contains { $0.hasPrefix(".") && $0 != "." && $0 != ".." }
        ? "a name starting with '.' is hidden or a web server's own; rename the file" : "it would leave the folder"
      throw ObjectStoreError(kind: .local, key: key, message: "'\(key)' can't be a file name inside \(folder.path): \(reason)")
    }
    return folder.path + "/" + key
  }

  /// Makes the folders up to `path`, refusing a symbolic link or a file on the way, so a link
  /// put into the document root can't send a file elsewhere.
  private func makeFolders(_ path: String, key: String) throws(ObjectStoreError) {
    let relative = path.dropFirst(folder.path.count).split(separator: "/")
    var current = folder.path
    for name in relative {
      current += "/" + name
      var info = stat()
      if lstat(current, &info) == 0 {
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
          throw ObjectStoreError(
            kind: .local, key: key,
            message: "\(current) is in the way of \(key): it is not a folder (a file or a symbolic link) that "
              + "Podium may write into")
        }
        continue
      }
      guard mkdir(current, 0o755) == 0 || errno == EEXIST else {
        throw ObjectStoreError(
          kind: .local, key: key, message: "can't make the folder \(current): \(String(cString: strerror(errno)))")
      }
    }
  }

  /// Copies `source` to a new file at `path`, readable by the web server, in pieces.
  private func copy(_ source: URL, to path: String, progress: @Sendable (Int64) -> Void) throws {
    let input = try FileHandle(forReadingFrom: source)
    defer { try? input.close() }
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(descriptor) }
    // The umask could have taken the others' read bit; a web server needs it.
    fchmod(descriptor, 0o644)
    var sent: Int64 = 0
    while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
      let written = chunk.withUnsafeBytes { buffer -> Bool in
        var offset = 0
        while offset < buffer.count {
          let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
          guard count > 0 else { return false }
          offset += count
        }
        return true
      }
      guard written else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
      sent += Int64(chunk.count)
      progress(sent)
    }
    guard fsync(descriptor) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
  }

  private static func modified(_ info: stat) -> Int64 {
    Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
  }
}
