/// A prefix analytics service's redirect in front of enclosure URLs (`analytics_prefix:` in
/// `podium.yaml`): OP3 (https://op3.dev/setup), Podtrac and Chartable count a download as the app
/// passes through them to the real file. The form is the prefix, then the URL without `https://`;
/// an `http://` URL keeps its scheme, as OP3 documents.
///
/// Only the feeds' `<enclosure>` goes through it. The publication record, the probe and the
/// remote checks keep the real URL, so changing or dropping the prefix never reads as a moved
/// episode (a record rebuilt from a feed takes the real URL from the end of the prefixed one).
public struct AnalyticsPrefix: Sendable, Hashable, Codable {
  /// Ends in `/`.
  public let prefix: String

  public init(_ prefix: String) {
    self.prefix = prefix.hasSuffix("/") ? prefix : prefix + "/"
  }

  /// The URL apps are given.
  public func apply(to url: String) -> String {
    url.hasPrefix("https://") ? prefix + url.dropFirst("https://".count) : prefix + url
  }
}
