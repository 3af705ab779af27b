/// One hop of a redirect chain, as the server answered it.
public struct Redirect: Sendable, Hashable {
  public var from: String
  public var to: String
  /// 301, 302, 303, 307 or 308.
  public var status: Int

  public init(from: String, to: String, status: Int) {
    self.from = from
    self.to = to
    self.status = status
  }

  /// 301 and 308 tell clients to update the stored URL; the others do not.
  public var isPermanent: Bool { status == 301 || status == 308 }

  /// Whether this hop leaves https for http, exposing the transfer and breaking apps that refuse it.
  public var isDowngrade: Bool {
    URLScheme.of(from) == "https" && URLScheme.of(to) == "http"
  }
}

extension Array where Element == Redirect {
  /// The first hop that goes from https to http, if any.
  public var firstDowngrade: Redirect? { first { $0.isDowngrade } }

  /// Whether every hop is permanent, so the catalogue should simply use the final URL.
  public var isPermanent: Bool { allSatisfy(\.isPermanent) }
}
