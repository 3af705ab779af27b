import Foundation

/// A whole catalogue: site settings and shows, as loaded from disk.
public struct Catalogue: Sendable, Hashable, Codable {
  /// The catalogue folder.
  public var root: URL
  public var site: Site
  /// Shows sorted by slug.
  public var shows: [Show]

  public init(root: URL, site: Site, shows: [Show]) {
    self.root = root
    self.site = site
    self.shows = shows
  }

  /// The list of every show's feed, written at the top of the output folder beside the show folders.
  public static let opmlFile = "feeds.opml"
  /// Names Podium writes at the top of the output folder: a show folder may not take one, or
  /// its output and Podium's would be the same path. (`.podium` is safe: dot folders are no shows.)
  public static let reservedShowNames: Set<String> = [opmlFile]

  /// The public URL of a show's feed.
  public func feedURL(for show: Show) -> String { site.baseURL + show.slug + "/feed.xml" }

  /// The public URL of a file in a show's output folder (`transcripts/a.vtt`).
  public func outputURL(for show: Show, path: String) -> String { site.baseURL + show.slug + "/" + path }

  /// The public URL of a media reference: local files are served from the media base URL.
  public func publicURL(for reference: MediaReference, in show: Show) -> String {
    switch reference {
    case .local(let path): site.mediaBaseURL + show.slug + "/" + path
    case .remote(let url): url
    }
  }

  /// The enclosure URL the feeds give apps: the public URL, through the analytics prefix when
  /// there is one. Everything else (the record, the probe, remote checks) uses `publicURL`.
  public func enclosureURL(for reference: MediaReference, in show: Show) -> String {
    let url = publicURL(for: reference, in: show)
    return site.analyticsPrefix?.apply(to: url) ?? url
  }

  /// The file on disk behind a local reference.
  public func fileURL(for path: String, in show: Show) -> URL {
    root.appendingPathComponent(show.slug).appendingPathComponent(path)
  }
}
