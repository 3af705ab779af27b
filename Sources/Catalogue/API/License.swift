/// A license: a known id such as `CC-BY-4.0`, or a custom name with the URL of its text.
public struct License: Sendable, Hashable, Codable {
  public var name: String
  public var url: String?

  public init(name: String, url: String? = nil) {
    self.name = name
    self.url = url
  }
}
