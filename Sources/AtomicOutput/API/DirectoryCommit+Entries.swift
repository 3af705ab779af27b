import Foundation
internal import CPodiumSystem

/// The commit of an output entry by entry (docs/safety.md, "How `build` replaces its output"):
/// each entry at the top of the staging folder (a show's folder, a top-level file) is exchanged
/// with the output's entry of that name, or renamed in when the output has none; an entry of the
/// output that is neither staged nor kept is moved out into the staging folder; the manifest's
/// folder (`.podium`, with the publication record) goes last. The entries named as kept are not
/// touched. When a step fails, the steps made are undone in reverse (an exchange is its own
/// inverse), so the output is as it was.
extension DirectoryCommit {
  /// One step, undone by its reverse.
  struct EntryStep: Sendable {
    enum Kind: String, Sendable {
      /// The staged entry and the output's are exchanged.
      case exchange
      /// The staged entry is renamed in, where the output has none.
      case add
      /// The output's entry is moved out, into the staging folder.
      case remove
    }
    let kind: Kind
    let name: String
  }

  /// What goes last: the manifest's folder, holding the manifest and the publication record.
  static let lastEntry = String(OutputManifest.path.prefix { $0 != "/" })

  /// The steps that make the output what the staging folder and the kept entries hold: folders
  /// first, then files, each in name order, then ``lastEntry``.
  func entrySteps(staging: URL, keeping kept: Set<String>) throws -> [EntryStep] {
    let staged: [String]
    let live: [String]
    do {
      staged = try FolderListing(atPath: staging.path).names
      live = try FolderListing(atPath: directory.path).names
    } catch {
      throw OutputError(.io(path: directory.path, detail: error.reason))
    }
    // A kept entry exchanged for a staged one of its name would take its files out of the output.
    if let clash = staged.first(where: kept.contains) {
      throw OutputError(.io(path: directory.appendingPathComponent(clash).path, detail: "both staged and kept in place"))
    }
    let stagedNames = Set(staged)
    let liveNames = Set(live)
    var steps = staged.map { EntryStep(kind: liveNames.contains($0) ? .exchange : .add, name: $0) }
    steps += live.filter { !stagedNames.contains($0) && !kept.contains($0) }.map { EntryStep(kind: .remove, name: $0) }
    func rank(_ step: EntryStep) -> Int {
      if step.name == Self.lastEntry { return 2 }
      let place = step.kind == .remove ? directory.path : staging.path
      return FolderListing.kind(of: step.name, in: place) == .folder ? 0 : 1
    }
    return steps.map { (rank($0), $0) }.sorted { ($0.0, $0.1.name) < ($1.0, $1.1.name) }.map(\.1)
  }

  /// Commits `staging` entry by entry, leaving the entries named in `kept` as they are.
  ///
  /// - Returns: where the entries swapped out were kept, when ``oldOutputIsOurs`` said they are
  ///   not all Podium's; otherwise they are removed and this is `nil`.
  func swapEntries(_ staging: URL, keeping kept: Set<String>) throws -> URL? {
    let steps: [EntryStep]
    do {
      steps = try entrySteps(staging: staging, keeping: kept)
    } catch {
      TreeRemoval.remove(staging.path)
      throw error
    }
    do {
      try writeJournal(steps, staging: staging)
    } catch {
      TreeRemoval.remove(staging.path)
      throw error
    }
    let journal = staging.appendingPathComponent(Self.journalName).path
    var done: [EntryStep] = []
    for step in steps {
      do {
        try willCommit?(step.name)
        try perform(step, staging: staging)
      } catch {
        guard undoesFailedCommit else { throw error }
        let undone = undo(done, staging: staging)
        if undone.isEmpty {
          unlink(journal)
          TreeRemoval.remove(staging.path)
          throw OutputError(.io(
            path: directory.appendingPathComponent(step.name).path,
            detail: "\(Self.reason(error)); every entry already swapped in was swapped back, so the output is as it was"))
        }
        // What could not be put back is still in the staging folder: kept, never removed.
        let keptAt = keep(staging) ?? staging
        throw OutputError(.io(
          path: directory.appendingPathComponent(step.name).path,
          detail: "\(Self.reason(error)); \(undone.map(\.name).joined(separator: ", ")) could not be swapped back: "
            + "the output's own entries of those names are in \(keptAt.path)"))
      }
      done.append(step)
    }
    // Done: from here on a killed build leaves a new output, not one to undo.
    unlink(journal)
    return removeOld(at: staging)
  }

  /// The file in the staging folder that lists a commit's steps while they are made: each step's
  /// kind, the inode of the entry it puts into the output (none for a removal) and the entry's
  /// name, separated by NUL. A build killed midway leaves it for the next build to undo them.
  static let journalName = ".commit-journal"

  private func writeJournal(_ steps: [EntryStep], staging: URL) throws {
    var text = ""
    for step in steps {
      let inode = step.kind == .remove ? 0 : Self.inode(staging.appendingPathComponent(step.name).path) ?? 0
      text += "\(step.kind.rawValue)\0\(inode)\0\(step.name)\0"
    }
    let path = staging.appendingPathComponent(Self.journalName).path
    try FileWriter.create(path, Data(text.utf8))
    // The steps are renames, which a later build can see only if the journal was written first:
    // its bytes, and its name in the staging folder (https://man7.org/linux/man-pages/man2/fsync.2.html).
    for (file, flags) in [(path, O_RDONLY | O_CLOEXEC), (staging.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)] {
      let descriptor = open(file, flags)
      if descriptor >= 0 {
        fsync(descriptor)
        close(descriptor)
      }
    }
  }

  private static func inode(_ path: String) -> UInt64? {
    var info = stat()
    return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
  }

  /// Undoes the steps a killed build made of its commit, from the journal in its staging
  /// folder, last first: a step is undone when the output's entry is the one it put there (by
  /// inode), or, for a removal, when the entry is in the staging folder and not in the output.
  ///
  /// - Returns: `nil` without a journal; whether every step made was undone (the journal is then
  ///   removed, and the staging folder is a stale one like any other).
  func undoInterruptedCommit(in staging: URL) -> Bool? {
    let journal = staging.appendingPathComponent(Self.journalName).path
    guard let data = FileManager.default.contents(atPath: journal) else { return nil }
    let fields = data.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    var failed = false
    var index = 0
    var steps: [(EntryStep, UInt64)] = []
    while index + 2 < fields.count {
      guard let kind = EntryStep.Kind(rawValue: fields[index]), let inode = UInt64(fields[index + 1]) else { return false }
      steps.append((EntryStep(kind: kind, name: fields[index + 2]), inode))
      index += 3
    }
    for (step, inode) in steps.reversed() {
      let (new, old) = (staging.appendingPathComponent(step.name).path, directory.appendingPathComponent(step.name).path)
      let made: Bool
      switch step.kind {
      case .exchange, .add: made = Self.inode(old) == inode
      case .remove: made = Self.inode(new) != nil && Self.inode(old) == nil
      }
      if made, !undo([step], staging: staging).isEmpty { failed = true }
    }
    if !failed { unlink(journal) }
    return !failed
  }

  /// Undoes the commits of builds killed midway (``undoInterruptedCommit(in:)``) in this
  /// output's stale staging folders. Call it while holding the ``OutputLock``, before
  /// ``removeStaleStaging()``.
  ///
  /// - Returns: the staging folders whose commits were undone, and where those that could not
  ///   all be undone were kept (``keep(_:)``): they hold entries of the output as it was.
  public func undoInterruptedCommits() -> (undone: [String], kept: [URL]) {
    let parent = directory.deletingLastPathComponent()
    var result: (undone: [String], kept: [URL]) = ([], [])
    let prefix = ".\(directory.lastPathComponent).staging-"
    for name in (try? FolderListing(atPath: parent.path))?.names ?? [] where name.hasPrefix(prefix) {
      guard UUID(uuidString: String(name.dropFirst(prefix.count))) != nil,
        FolderListing.kind(of: name, in: parent.path) == .folder
      else { continue }
      let staging = parent.appendingPathComponent(name)
      switch undoInterruptedCommit(in: staging) {
      case nil: continue
      case true?: result.undone.append(name)
      case false?: result.kept.append(keep(staging) ?? staging)
      }
    }
    return result
  }

  /// Undoes `done`, last first.
  ///
  /// - Returns: the steps that could not be undone.
  func undo(_ done: [EntryStep], staging: URL) -> [EntryStep] {
    var failed: [EntryStep] = []
    for step in done.reversed() {
      let (new, old) = (staging.appendingPathComponent(step.name).path, directory.appendingPathComponent(step.name).path)
      let undone: Bool
      switch step.kind {
      case .exchange: undone = podium_exchange_paths(new, old) == 0
      case .add: undone = podium_rename_noreplace(old, new) == 0
      case .remove: undone = podium_rename_noreplace(new, old) == 0
      }
      if !undone { failed.append(step) }
    }
    return failed
  }

  private func perform(_ step: EntryStep, staging: URL) throws {
    let (new, old) = (staging.appendingPathComponent(step.name).path, directory.appendingPathComponent(step.name).path)
    let result: Int32
    switch step.kind {
    case .exchange: result = podium_exchange_paths(new, old)
    case .add: result = podium_rename_noreplace(new, old)
    case .remove: result = podium_rename_noreplace(old, new)
    }
    if result != 0 { throw OutputError(.io(path: old, detail: String(cString: strerror(errno)))) }
  }

  private static func reason(_ error: Error) -> String {
    if let error = error as? OutputError, case .io(_, let detail) = error.reason { return detail }
    return "\(error)"
  }
}
