import Foundation
import PodiumTestSupport

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

