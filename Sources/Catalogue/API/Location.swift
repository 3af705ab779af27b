/// Where the show or episode is about or made (`podcast:location`).
public struct Location: Sendable, Hashable, Codable {
  public var name: String
  public var geo: String?
  public var osm: String?
  public var country: String?
  public var rel: String?

  public init(name: String, geo: String? = nil, osm: String? = nil, country: String? = nil, rel: String? = nil) {
    self.name = name
    self.geo = geo
    self.osm = osm
    self.country = country
    self.rel = rel
  }
}
