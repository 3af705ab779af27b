import Foundation
import Identifiers
import Testing

@Suite struct PodcastGUIDTests {
  /// Vectors from the Podcasting 2.0 guid.md, with and without scheme and trailing slashes.
  @Test(arguments: [
    ("https://podnews.net/rss", "9b024349-ccf0-5f69-a609-6b82873eab3c"),
    ("podnews.net/rss", "9b024349-ccf0-5f69-a609-6b82873eab3c"),
    ("http://podnews.net/rss/", "9b024349-ccf0-5f69-a609-6b82873eab3c"),
    ("https://mp3s.nashownotes.com/pc20rss.xml", "917393e3-1b1e-5cef-ace4-edaa54e1f810"),
  ])
  func specVectors(url: String, expected: String) {
    #expect(PodcastGUID.forFeedURL(url) == expected)
  }

  @Test func versionAndVariantBits() {
    let uuid = PodcastGUID.forFeedURL("https://feeds.example.org/show/feed.xml")
    let chars = Array(uuid)
    #expect(chars[14] == "5")
    #expect("89ab".contains(chars[19]))
  }

  @Test func episodeGUIDsAreLowerCaseAndUnique() {
    let a = EpisodeGUID.make(), b = EpisodeGUID.make()
    #expect(a != b)
    #expect(a == a.lowercased())
    #expect(UUID(uuidString: a) != nil)
  }
}

@Suite struct NamespaceTests {
  @Test func namespaceIsTheSpecs() {
    #expect(PodcastGUID.namespace.uuidString.lowercased() == "ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
  }
}
