import Foundation
import Identifiers
import PodiumTestSupport
import Testing

@Suite struct SubresourceIntegrityTests {
  /// The example of the SRI recommendation (https://www.w3.org/TR/SRI/#introduction).
  static let script = "alert('Hello, world.');"
  static let expected = "sha384-H8BRh8j48O9oYatfu5AZzq6A9RINhZO5H16dQZngK7T62em8MUt1FLm52t+eX6xO"

  @Test func bytesGiveTheRecommendationsHash() {
    #expect(ContentDigest.sri(Data(Self.script.utf8)) == Self.expected)
  }

  /// A file is read in pieces: one of several megabytes gives the hash of its bytes in memory.
  @Test func aFileGivesTheHashOfItsBytes() throws {
    let folder = try TemporaryFolder()
    let small = try folder.write("script.js", Self.script)
    #expect(ContentDigest.sri(ofFileAt: small) == Self.expected)
    let bytes = Data((0..<(3 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    let large = try folder.write("large.bin", bytes)
    #expect(ContentDigest.sri(ofFileAt: large) == ContentDigest.sri(bytes))
    #expect(ContentDigest.sri(ofFileAt: folder.url.appendingPathComponent("missing")) == nil)
  }

  @Test func sha256IsUnchanged() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("a.txt", "abc")
    #expect(ContentDigest.sha256Hex(ofFileAt: file) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }
}
