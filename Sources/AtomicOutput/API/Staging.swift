import Foundation
internal import CPodiumSystem

/// A staging folder being filled, beside the output folder it will replace. Nothing in the
/// output folder changes until the result of ``staged`` is committed.
public struct Staging: Sendable {
  /// Where the files are written; readable while the staging goes on.
  public let folder: URL
  let target: DirectoryCommit
  /// Folders made so far, relative to `folder`.
  private var folders: Set<Substring> = [""]
  /// Files the caller writes itself, by path.
  private var reserved: Set<String> = []
  /// Folders at the top kept where they are in the output folder, whole (``reserveInPlace(folder:)``).
  private var kept: Set<Substring> = []

  /// `folder`'s path, made once: a build reserves a path per file.
  private let root: String

  init(folder: URL, target: DirectoryCommit) {
    self.folder = folder
    self.target = target
    root = folder.path
  }

  /// Writes the tree's files, hard-linking those the output folder already holds unchanged.
  /// After a failure, ``discard()`` the staging folder.
  public mutating func write(_ tree: OutputTree) throws {
    let linker = FileLinker(previousOutput: target.directory.path, staging: folder.path)
    for path in tree.paths {
      guard !reserved.contains(path), !isKept(path) else { throw OutputError(.duplicatePath(path)) }
      try target.willWrite?(path)
      try makeParent(of: path)
      let contents = tree.files[path] ?? Data()
      if linker.linkIfSame(path, contents) { continue }
      try FileWriter.create(root + "/" + path, contents)
    }
  }

  /// Writes files as they are made, before the tree, so that a build never holds them all (a
  /// chapters file per episode): each path is reserved, as for ``reserve(_:)``, and the output
  /// folder's file is hard-linked when it holds the same bytes, as ``write(_:)`` does.
  public mutating func write(_ files: some Collection<(path: String, contents: Data)>) throws {
    for (path, _) in files { try reserveOnly(path) }
    try links.write(files)
  }

  /// Links each file from the output folder, where it still has its stamp, all or none: a show
  /// a build cache knows unchanged keeps its files. When one can't be linked, those linked are
  /// taken out again and their paths freed, so the caller can write them instead.
  ///
  /// - Returns: whether every file was linked.
  public mutating func link(_ files: [(path: String, stamp: OutputFileStamp)]) throws -> Bool {
    try reserve(files.map(\.path))
    if linkReserved(files) { return true }
    release(files.map(\.path))
    return false
  }

  /// Reserves a folder at the top of the output that a build keeps where it is (a show whose
  /// folder ``StagedDirectory/commit(keeping:)`` leaves in place), whole: nothing is made for it
  /// in the staging folder, and no path in it can be written, by a tree or another show. One
  /// entry for the folder, not one a file: a network keeps 200,000 files so.
  ///
  /// - Throws: when something is already staged or reserved at that name or in it.
  public mutating func reserveInPlace(folder name: String) throws {
    guard OutputTree.isRelative(name), !name.utf8.contains(UInt8(ascii: "/")) else { throw OutputError(.invalidPath(name)) }
    // A path reserved in it made its folder here (``makeParent(of:)``).
    guard !folders.contains(Substring(name)), !reserved.contains(name), kept.insert(Substring(name)).inserted else {
      throw OutputError(.duplicatePath(name))
    }
  }

  /// Frees a folder reserved by ``reserveInPlace(folder:)`` whose files turned out not to be in place.
  public mutating func releaseInPlace(folder name: String) { kept.remove(Substring(name)) }

  /// Whether `path` is a folder kept in place or inside one.
  private func isKept(_ path: String) -> Bool {
    guard !kept.isEmpty else { return false }
    return kept.contains(path.utf8.firstIndex(of: UInt8(ascii: "/")).map { path[..<$0] } ?? path[...])
  }

  /// Reserves paths for ``linkReserved(_:)``, as ``reserve(_:)`` does one, all or none: when one
  /// can't be, those reserved here are freed again, so a show whose files can't be linked is
  /// rendered instead of refused for paths it holds itself.
  public mutating func reserve(_ paths: [String]) throws {
    for (index, path) in paths.enumerated() {
      do {
        try reserveOnly(path)
      } catch {
        release(Array(paths[..<index]))
        throw error
      }
    }
  }

  /// The linking of ``link(_:)``, for paths already reserved. On failure no file of them is left.
  public func linkReserved(_ files: [(path: String, stamp: OutputFileStamp)]) -> Bool { links.link(files) }

  /// Where files are linked from and to, without the paths reserved: a value several shows can
  /// use at once, outside a lock, without copying this staging's set of paths.
  public var links: Links { Links(folder: folder.path, previousOutput: target.directory.path) }

  public struct Links: Sendable {
    let folder: String
    let previousOutput: String

    /// Links reserved files by their stamps, all or none (``Staging/link(_:)``).
    public func link(_ files: [(path: String, stamp: OutputFileStamp)]) -> Bool {
      let linker = FileLinker(previousOutput: previousOutput, staging: folder)
      for (index, (path, stamp)) in files.enumerated() where !linker.linkIfStamped(path, stamp) {
        for (path, _) in files[..<index] { linker.unlinkStaged(path) }
        return false
      }
      return true
    }

    /// Whether every file is still in the output folder with its stamp, a regular file of ours
    /// linked nowhere else (as ``link(_:)`` asks of a file it links): a show whose folder is
    /// kept in place by ``StagedDirectory/commit(keeping:)`` instead of being linked file by file.
    public func areInPlace(_ files: [(path: String, stamp: OutputFileStamp)]) -> Bool {
      let folders = FolderChain(root: previousOutput)
      return files.allSatisfy { FileLinker.isStamped($0.path, $0.stamp, in: folders) }
    }

    /// Writes files at reserved paths, each hard-linked from the output folder when it holds
    /// the same bytes (as ``Staging/write(_:)`` does): outside the staging's lock, on
    /// as many threads as the caller likes, each with its own files.
    public func write(_ files: some Collection<(path: String, contents: Data)>) throws {
      let linker = FileLinker(previousOutput: previousOutput, staging: folder)
      for (path, contents) in files {
        if linker.linkIfSame(path, contents) { continue }
        try FileWriter.create(folder + "/" + path, contents)
      }
    }

    /// Replaces a reserved file with the previous output's when they hold the same bytes
    /// (``Staging/reuseIfUnchanged(_:)``).
    @discardableResult public func reuseIfUnchanged(_ path: String) -> Bool {
      FileLinker(previousOutput: previousOutput, staging: folder).replaceIfSame(path)
    }
  }

  /// Whether a path is reserved (``reserve(_:)``), or in a folder kept in place (``reserveInPlace(folder:)``).
  public func isReserved(_ path: String) -> Bool { reserved.contains(path) || isKept(path) }

  /// Frees reserved paths whose files the caller did not write.
  public mutating func release(_ paths: [String]) {
    for path in paths { reserved.remove(path) }
  }

  /// The stamps of files written here, in the order of `paths`, for a build cache to find them
  /// again in the output: each file looked at from its open folder, not through its whole path
  /// (a folder's files given together open it once); `nil` when one is not a regular file.
  public func stamps(of paths: [String]) -> [OutputFileStamp]? {
    let folders = FolderChain(root: folder.path)
    var stamps: [OutputFileStamp] = []
    stamps.reserveCapacity(paths.count)
    for path in paths {
      let (parent, name) = folders.split(path)
      var info = stat()
      let descriptor = folders.descriptor(parent)
      guard descriptor >= 0, fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG
      else { return nil }
      stamps.append(OutputFileStamp(info))
    }
    return stamps
  }

  /// Checks a path for a file the caller creates itself (a feed written into its file as it is
  /// made), makes its folder, and returns where to create it. A tree written later may not
  /// hold the same path.
  public mutating func reserve(_ path: String) throws -> String {
    try reserveOnly(path)
    return root + "/" + path
  }

  private mutating func reserveOnly(_ path: String) throws {
    guard OutputTree.isRelative(path) else { throw OutputError(.invalidPath(path)) }
    guard !isKept(path), reserved.insert(path).inserted else { throw OutputError(.duplicatePath(path)) }
    do {
      try target.willWrite?(path)
      try makeParent(of: path)
    } catch {
      reserved.remove(path)
      throw error
    }
  }

  /// Replaces a file the caller wrote at a reserved path with the output folder's file at that
  /// path when the two hold the same bytes, as ``write(_:)`` does for a tree's files: a rebuild
  /// then leaves an unchanged feed the same file, with the same modification time.
  ///
  /// - Returns: whether the file was replaced; if not, the caller's file stays.
  @discardableResult public func reuseIfUnchanged(_ path: String) -> Bool {
    guard reserved.contains(path) else { return false }
    return FileLinker(previousOutput: target.directory.path, staging: folder.path).replaceIfSame(path)
  }

  /// Makes the folders a path is in that are not made yet, from the top, with `mkdir`.
  private mutating func makeParent(of path: String) throws {
    var next = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[..<$0] } ?? ""
    var missing: [Substring] = []
    while !folders.contains(next) {
      missing.append(next)
      next = next.utf8.lastIndex(of: UInt8(ascii: "/")).map { next[..<$0] } ?? ""
    }
    for parent in missing.reversed() {
      let made = root + "/" + parent
      guard mkdir(made, 0o777) == 0 || errno == EEXIST else {
        throw OutputError(.io(path: made, detail: String(cString: strerror(errno))))
      }
      folders.insert(parent)
    }
  }

  /// The path of a file written here.
  public func url(of path: String) -> URL { folder.appendingPathComponent(path) }

  /// The whole tree written: ready to commit or discard.
  public var staged: StagedDirectory { StagedDirectory(staging: folder, target: target) }

  /// Whether this file system exchanges two entries in one step (``StagedDirectory/commit(keeping:)``
  /// needs it): tried once on two empty folders made here for it.
  public func exchangesEntries() -> Bool {
    let (first, second) = (root + "/.exchange-a", root + "/.exchange-b")
    defer {
      rmdir(first)
      rmdir(second)
    }
    return mkdir(first, 0o700) == 0 && mkdir(second, 0o700) == 0 && podium_exchange_paths(first, second) == 0
  }

  public func discard() { TreeRemoval.remove(folder.path) }
}
