/// Someone who made the show or the episode (`podcast:person`).
public struct Person: Sendable, Hashable, Codable {
  public var name: String
  /// Lower-case role from the Podcasting 2.0 taxonomy; `host` when not given.
  public var role: String
  /// Lower-case group from the taxonomy; `cast` when not given.
  public var group: String
  public var img: String?
  public var href: String?

  public init(name: String, role: String = "host", group: String = "cast", img: String? = nil, href: String? = nil) {
    self.name = name
    self.role = role
    self.group = group
    self.img = img
    self.href = href
  }
}
