/// A way to support the show (`podcast:funding`).
public struct Funding: Sendable, Hashable, Codable {
  public var url: String
  public var text: String

  public init(url: String, text: String) {
    self.url = url
    self.text = text
  }
}
