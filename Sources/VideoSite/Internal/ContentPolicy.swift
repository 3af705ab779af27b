import Catalogue
import Foundation
import Identifiers

/// The Content-Security-Policy of the pages Podium writes, which PageHead puts in a `<meta>`:
/// scripts only from the feeds' own origin, the one inline style by its hash, media only from
/// where the catalogue puts it, and frames only from the providers' privacy-enhanced players.
/// Whatever a title smuggled past the escaping, the browser would refuse to run or fetch it.
struct ContentPolicy {
  let catalogue: Catalogue
  let videos: [VideoFacts]
  /// The page's one inline `<style>`.
  let style: String

  var value: String {
    let own = ["'self'"] + [Self.origin(catalogue.site.baseURL)].compactMap { $0 }
    var images = Set(own)
    var media = Set(own)  // captions come from the feeds' origin too
    for video in videos {
      if let origin = Self.origin(video.posterURL) { images.insert(origin) }
      for url in [video.video?.url].compactMap({ $0 }) + video.sources.map(\.url) {
        if let origin = Self.origin(url) { media.insert(origin) }
      }
    }
    var directives = [
      "default-src 'none'", "script-src \(own.joined(separator: " "))", "style-src \(ContentDigest.cspSource(style))",
      "img-src \(Self.list(images))", "media-src \(Self.list(media))", "connect-src \(own.joined(separator: " "))",
    ]
    let providers = Set(videos.compactMap(\.external).map { Self.origin($0.embedURL) ?? "" }).subtracting([""])
    if !providers.isEmpty { directives.append("frame-src \(Self.list(providers))") }
    directives += ["base-uri 'none'", "form-action 'none'"]
    return directives.joined(separator: "; ")
  }

  /// `'self'` first, then origins in order, so the policy is the same on every build.
  private static func list(_ sources: Set<String>) -> String {
    sources.sorted { ($0 == "'self'" ? 0 : 1, $0) < ($1 == "'self'" ? 0 : 1, $1) }.joined(separator: " ")
  }

  /// `https://media.example.org` (with a port when there is one). Only http(s) and plain host names
  /// make an origin: anything else (`*`, `;`) would widen the policy or add a directive to it.
  static func origin(_ url: String) -> String? {
    guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
      scheme == "https" || scheme == "http", let host = components.host, HostName.isValid(host)
    else { return nil }
    return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
  }
}
