import Identifiers

/// Where a loaded episode's show notes are: the end of its file, from the line after the front
/// matter. The loader checks the notes (placeholder links) and keeps only this, not the text, so
/// a large catalogue does not hold all its Markdown from loading until the feed is written
/// (docs/performance.md); the writer reads them again then (``Episode/loadNotes()``).
public struct NotesSource: Sendable, Hashable, Codable {
  /// The show folder's path, with a trailing `/`: one string shared by the show's episodes.
  let folder: String
  /// The file's name in that folder.
  let name: String
  /// The notes' length in bytes: they run to the end of the file.
  let length: Int
  /// SHA-256 of the notes as loaded, so a file edited during the build is noticed.
  let digest: Digest

  struct Digest: Sendable, Hashable, Codable {
    let word0, word1, word2, word3: UInt64

    init(_ bytes: some Collection<UInt8>) {
      // Hashed where they are: a copy of a substring's bytes into an array goes byte by byte.
      let digest = bytes.withContiguousStorageIfAvailable { ContentDigest.sha256(UnsafeRawBufferPointer($0)) }
        ?? ContentDigest.sha256(Array(bytes))
      func word(_ index: Int) -> UInt64 {
        digest[index * 8..<index * 8 + 8].reduce(0) { $0 << 8 | UInt64($1) }
      }
      (word0, word1, word2, word3) = (word(0), word(1), word(2), word(3))
    }

    init(words: (UInt64, UInt64, UInt64, UInt64)) { (word0, word1, word2, word3) = words }
  }

  /// A source as `encode(to:)` stores it, the digest's four words in order: for a cache's
  /// decoder that reads it without `Codable`'s containers (docs/architecture.md, "The build cache").
  public init(folder: String, name: String, length: Int, digest: (UInt64, UInt64, UInt64, UInt64)) {
    self.folder = folder
    self.name = name
    self.length = length
    self.digest = Digest(words: digest)
  }

  init(folder: String, name: String, notes: Substring) {
    self.folder = folder
    self.name = name
    length = notes.utf8.count
    digest = Digest(notes.utf8)
  }

  /// The notes read again from the file.
  ///
  /// - Parameter file: the episode's path in the catalogue, for the error.
  /// - Throws: ``Changed`` when the file no longer ends in the notes that were loaded.
  func read(file: String) throws(Changed) -> String {
    let bytes: [UInt8]
    do {
      bytes = try BoundedRead.bytes(atPath: folder + name, limit: CatalogueLoader.maximumFileSize)
    } catch {
      throw Changed(file: file)
    }
    guard bytes.count >= length else { throw Changed(file: file) }
    let notes = bytes[(bytes.count - length)...]
    guard Digest(notes) == digest, let text = String(validating: notes, as: UTF8.self) else {
      throw Changed(file: file)
    }
    return text
  }

  /// An episode file changed (or went) between loading the catalogue and writing its notes:
  /// the build stops rather than write notes that don't match what was checked.
  public struct Changed: Error, CustomStringConvertible {
    public let file: String

    public var description: String {
      "\(file) changed while the build ran, after its notes were checked; build again once it is saved"
    }
  }
}
