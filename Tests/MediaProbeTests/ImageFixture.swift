import Foundation

@testable import MediaProbe

/// The image and caption fixtures in Fixtures/img, made by Fixtures/make-img.sh.
enum ImageFixture {
  struct Missing: Error { var name: String }

  static func path(_ name: String) throws -> String {
    guard let url = Bundle.module.url(forResource: "Fixtures/img/\(name)", withExtension: nil) else {
      throw Missing(name: name)
    }
    return url.path
  }

  static func bytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: try path(name))))
  }

  static func probe(_ name: String) throws -> MediaInfo {
    MediaProbe().probe(path: try path(name))
  }

  /// The rule ids of the findings, in order, for compact expectations.
  static func rules(_ info: MediaInfo) -> [String] { info.findings.map(\.ruleID) }
}

/// SplitMix64: the same "random" bytes on every run, so a failure can be repeated.
struct SeededBytes: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func bytes(_ count: Int) -> [UInt8] {
    (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
  }
}
