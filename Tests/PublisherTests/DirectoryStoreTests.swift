import Foundation
import Identifiers
import ObjectStore
import PodiumTestSupport
import Testing

/// `DirectoryStore` on folders the test made: what it owns, what it leaves alone, where it refuses to go.
@Suite struct DirectoryStoreTests {
  struct Place {
    let folder: TemporaryFolder
    let root: URL
    let catalogue: URL

    init() throws {
      folder = try TemporaryFolder()
      root = folder.url.appendingPathComponent("www")
      catalogue = folder.url.appendingPathComponent("episodes")
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
      try FileManager.default.createDirectory(at: catalogue, withIntermediateDirectories: true)
    }

    func store() throws -> DirectoryStore {
      try DirectoryStore(folder: root, catalogue: catalogue, currentFolder: folder.url.path, home: folder.url.path + "/home")
    }

    /// A file to upload, with its digest.
    func upload(_ key: String, _ text: String) throws -> ObjectUpload {
      let file = try folder.write("source/\(UUID().uuidString)", text)
      let digest = try #require(ContentDigest.sha256Hex(ofFileAt: file))
      return ObjectUpload(
        key: key, file: file, size: Int64(text.utf8.count), sha256: digest, contentType: "text/plain",
        cacheControl: "public, max-age=300")
    }
  }

  @Test func whatItWroteIsListedWithItsDigestByAnotherProcessToo() throws {
    let place = try Place()
    let upload = try place.upload("feeds/show/feed.xml", "<rss/>")
    try place.store().put(upload) { _ in }
    #expect(try place.folder.read("www/feeds/show/feed.xml") == Data("<rss/>".utf8))
    // A new store, as the next publish makes, reads the journal.
    let listed = try place.store().list()
    #expect(listed["feeds/show/feed.xml"]?.sha256 == upload.sha256)
    #expect(listed.keys.allSatisfy { !$0.hasPrefix(".podium") })
    let mode = try FileManager.default.attributesOfItem(atPath: place.root.path + "/feeds/show/feed.xml")[.posixPermissions] as? Int
    #expect(mode == 0o644)
  }

  @Test func aFileChangedInPlaceIsListedWithItsRealDigest() throws {
    let place = try Place()
    try place.store().put(try place.upload("a.mp3", "first")) { _ in }
    try Data("other".utf8).write(to: place.root.appendingPathComponent("a.mp3"))
    let listed = try place.store().list()
    #expect(listed["a.mp3"]?.sha256 == ContentDigest.sha256Hex(ofFileAt: place.root.appendingPathComponent("a.mp3")))
  }

  @Test func aFileItDidNotWriteIsListedWithoutDigestAndNeverReplaced() throws {
    let place = try Place()
    try place.folder.write("www/index.html", "mine")
    let store = try place.store()
    #expect(try store.list()["index.html"]?.sha256 == nil)
    #expect(throws: ObjectStoreError.self) { try store.put(try place.upload("index.html", "podium's")) { _ in } }
    #expect(try place.folder.read("www/index.html") == Data("mine".utf8))
  }

  /// A killed publish's temporary file is no object, stays through a listing (a dry run changes
  /// nothing), and goes with the next publish's first write.
  @Test func aKilledPublishsTemporaryFileGoesWithTheNextWriteOnly() throws {
    let place = try Place()
    let leftover = try place.folder.write("www/feeds/show/.podium-upload-0D1E", "half a feed")
    let store = try place.store()
    #expect(try store.list().isEmpty)
    #expect(FileManager.default.fileExists(atPath: leftover.path), "a listing only reads")
    try store.put(try place.upload("media/a.mp3", "bytes")) { _ in }
    #expect(!FileManager.default.fileExists(atPath: leftover.path))
  }

  @Test func aSymbolicLinkOnTheWayIsRefused() throws {
    let place = try Place()
    let elsewhere = place.folder.url.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(at: place.root.appendingPathComponent("feeds"), withDestinationURL: elsewhere)
    #expect(throws: ObjectStoreError.self) { try place.store().put(try place.upload("feeds/feed.xml", "x")) { _ in } }
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
  }

  @Test func keysThatLeaveTheFolderAreRefused() throws {
    let place = try Place()
    // Nor a hidden name, which a web server reads as its own settings (Apache's .htaccess) or never serves.
    let keys = [
      "../out.txt", "a/../../out.txt", "/abs.txt", "a//b", ".podium-published.json", "feeds/show/transcripts/.htaccess",
      ".well-known/x", "a/.git/config",
    ]
    for key in keys {
      #expect(throws: ObjectStoreError.self, "\(key)") { try place.store().put(try place.upload(key, "x")) { _ in } }
    }
    #expect(!place.folder.exists("out.txt") && !place.folder.exists("www/feeds/show/transcripts/.htaccess"))
  }

  @Test func placesNoBuildMayReplaceAreRefused() throws {
    let place = try Place()
    for folder in [place.catalogue, place.folder.url, URL(fileURLWithPath: "/")] {
      #expect(throws: ObjectStoreError.self, "\(folder.path)") {
        try DirectoryStore(folder: folder, catalogue: place.catalogue, currentFolder: place.root.path)
      }
    }
    #expect(throws: ObjectStoreError.self) {
      try DirectoryStore(folder: place.folder.url.appendingPathComponent("missing"), catalogue: place.catalogue)
    }
  }
}

