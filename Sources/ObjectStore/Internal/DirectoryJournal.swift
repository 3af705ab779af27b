import Foundation

/// What a `DirectoryStore` wrote, kept in the folder itself: `.podium-published.json` (every file
/// it owns, with its digest, size and modification time) and `.podium-published.journal`, one
/// line appended per file just before it is renamed into place. The rename keeps the temporary
/// file's size and time, so a line written before it already describes the file that appears; a
/// publish killed between the two leaves a line that no file matches, and the file's digest is
/// then read from its bytes. The journal is folded into the manifest at the start of each publish.
struct DirectoryJournal {
  static let manifestName = ".podium-published.json"
  static let journalName = ".podium-published.journal"

  struct Entry: Codable, Hashable {
    var key: String
    var sha256: String
    var size: Int64
    /// Nanoseconds since 1970: with the size, tells whether the file is still the one written.
    var modified: Int64
  }

  struct Manifest: Codable {
    var version = 1
    var files: [String: Entry] = [:]
  }

  let folder: URL

  var manifestURL: URL { folder.appendingPathComponent(Self.manifestName) }
  var journalURL: URL { folder.appendingPathComponent(Self.journalName) }

  /// The manifest with the journal's lines applied, later lines winning.
  func read() throws(ObjectStoreError) -> [String: Entry] {
    var files: [String: Entry] = [:]
    if let data = try readIfPresent(manifestURL) {
      guard let manifest = try? JSONDecoder().decode(Manifest.self, from: data) else {
        throw ObjectStoreError(
          kind: .local, key: Self.manifestName,
          message: "\(manifestURL.path) can't be read: it lists the files Podium wrote into \(folder.path). Restore it "
            + "from a backup; without it Podium treats every file there as not its own and replaces none")
      }
      files = manifest.files
    }
    if let data = try readIfPresent(journalURL) {
      // A line cut short by a crash is the last one, and its file was never renamed into place.
      for line in data.split(separator: UInt8(ascii: "\n")) {
        if let entry = try? JSONDecoder().decode(Entry.self, from: Data(line)) { files[entry.key] = entry }
      }
    }
    return files
  }

  /// Writes `files` as the manifest, then empties the journal.
  func compact(_ files: [String: Entry]) throws(ObjectStoreError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    do {
      let data = try encoder.encode(Manifest(files: files))
      try data.write(to: manifestURL, options: .atomic)
      // Once the manifest holds every line, the journal goes: nothing is left that only it knows.
      if FileManager.default.fileExists(atPath: journalURL.path) { try FileManager.default.removeItem(at: journalURL) }
    } catch {
      throw ObjectStoreError(
        kind: .local, key: Self.manifestName, message: "can't write \(manifestURL.path): \(error.localizedDescription)")
    }
  }

  /// Appends one line; it is on disk before the file it describes is renamed into place.
  func append(_ entry: Entry) throws(ObjectStoreError) {
    let failure = { (detail: String) in
      ObjectStoreError(kind: .local, key: entry.key, message: "can't write \(journalURL.path): \(detail)")
    }
    guard var line = try? JSONEncoder().encode(entry) else { throw failure("the entry can't be encoded") }
    line.append(UInt8(ascii: "\n"))
    let descriptor = open(journalURL.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard descriptor >= 0 else { throw failure(String(cString: strerror(errno))) }
    defer { close(descriptor) }
    let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    guard written == line.count, fsync(descriptor) == 0 else { throw failure(String(cString: strerror(errno))) }
  }

  private func readIfPresent(_ url: URL) throws(ObjectStoreError) -> Data? {
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    do {
      return try Data(contentsOf: url)
    } catch {
      throw ObjectStoreError(kind: .local, message: "can't read \(url.path): \(error.localizedDescription)")
    }
  }
}
