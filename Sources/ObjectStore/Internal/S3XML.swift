import Foundation
import PodiumXML

/// Reading S3's XML answers with PodiumXML's safe parser. Elements are matched by local name,
/// whatever their namespace: AWS puts them in `http://s3.amazonaws.com/doc/2006-03-01/`, some
/// compatible servers in none.
enum S3XML {
  /// Answers larger than this are refused: a listing page of 1,000 keys is well under it.
  static let maximumSize = 8 * 1024 * 1024

  static func parse(_ body: [UInt8]) -> XMLElement? {
    try? XMLDocument(data: Data(body), maximumSize: maximumSize).root
  }

  /// The error code and message of an `<Error>` answer.
  static func error(_ body: [UInt8]) -> (code: String?, message: String?) {
    guard let root = parse(body), root.name == "Error" else { return (nil, nil) }
    return (root.child("Code").map(\.trimmed), root.child("Message").map(\.trimmed))
  }
}

extension XMLElement {
  func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }
  func all(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }
  var trimmed: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}
