/// Whether to follow a redirect. Pure, so the https→http rule is testable without a TLS server.
enum RedirectPolicy {
  enum Decision: Equatable {
    case follow
    case refuse(LinkError)
  }

  /// - Parameters:
  ///   - hop: The redirect the server asked for.
  ///   - followed: Redirects already followed for this URL.
  ///   - limit: The most redirects to follow.
  static func decide(_ hop: Redirect, followed: Int, limit: Int) -> Decision {
    if hop.isDowngrade { return .refuse(.insecureRedirect(from: hop.from, to: hop.to)) }
    guard URLScheme.isFetchable(hop.to) else { return .refuse(.unsupportedScheme(URLScheme.of(hop.to))) }
    guard followed < limit else { return .refuse(.tooManyRedirects(count: limit)) }
    return .follow
  }
}
