import Catalogue

/// Where a preview build says its files are served, in place of `podium.yaml`'s `base_url` and
/// `media_base_url`: `podium serve` points them at itself, so the feeds, the video index and its
/// posters work from the local server. The catalogue's own addresses are not changed on disk.
public struct PreviewAddresses: Sendable, Hashable {
  /// Where the output folder is served, ending in `/`.
  public var baseURL: String
  /// Where the catalogue's local media files are served, ending in `/`.
  public var mediaBaseURL: String

  public init(baseURL: String, mediaBaseURL: String) {
    self.baseURL = baseURL
    self.mediaBaseURL = mediaBaseURL
  }

  /// The catalogue as the preview builds it. A local server speaks plain `http:`, which P20-HTTPS
  /// would refuse in every `podcast:` URL; the published build still checks it.
  func applied(to catalogue: Catalogue) -> Catalogue {
    var catalogue = catalogue
    catalogue.site.baseURL = baseURL
    catalogue.site.mediaBaseURL = mediaBaseURL
    catalogue.site.rules["P20-HTTPS"] = RuleSetting(
      ruleID: "P20-HTTPS", severity: nil, reason: "podium serve previews over http://", line: 0)
    return catalogue
  }
}
