import Foundation
import PodiumXML

/// Reads a generated feed back with libxml2, for round-trip assertions.
public struct FeedReader {
  public let document: XMLDocument
  public static let itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd"
  public static let podcast = "https://podcastindex.org/namespace/1.0"
  public static let content = "http://purl.org/rss/1.0/modules/content/"
  public static let atom = "http://www.w3.org/2005/Atom"

  public init(_ data: Data) throws {
    document = try XMLDocument(data: data)
  }

  public var channel: XMLElement? { document.root.firstChild(named: "channel") }
  public var items: [XMLElement] { channel?.children(named: "item") ?? [] }

  public func text(_ element: XMLElement?, _ name: String, namespace: String? = nil) -> String? {
    element?.firstChild(named: name, namespace: namespace)?.text
  }
}
