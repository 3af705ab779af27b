import Foundation

/// An Apple Podcasts category with an optional subcategory.
public struct Category: Sendable, Hashable, Codable, CustomStringConvertible {
  public var name: String
  public var subcategory: String?

  public init(name: String, subcategory: String? = nil) {
    self.name = name
    self.subcategory = subcategory
  }

  /// Parses `Society & Culture > Documentary`.
  public init(parsing text: String) {
    let parts = text.components(separatedBy: ">").map { $0.trimmingCharacters(in: .whitespaces) }
    self.init(name: parts[0], subcategory: parts.count > 1 ? parts[1...].joined(separator: " > ") : nil)
  }

  public var description: String { subcategory.map { "\(name) > \($0)" } ?? name }
}
