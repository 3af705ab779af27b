import Catalogue
import Foundation

/// Where each public URL's file goes in a store. The store's prefix is served at one public
/// address (a CDN or a web server in front of the bucket or folder); `base_url` and
/// `media_base_url` are folders under it. When both URLs are on the same host, the folders follow
/// from them: `https://example.org/podcast/feeds/` and `https://example.org/podcast/media/` are
/// `feeds/` and `media/` under the store's prefix, served at `https://example.org/podcast/`.
/// On two hosts no single address serves both, and `publish.media_folder` and
/// `publish.feeds_folder` must say where each host's CDN points.
public struct PublishLayout: Sendable, Hashable {
  /// The folder under the store's prefix that `media_base_url` serves, "" for the prefix itself.
  public var mediaFolder: String
  /// The folder that `base_url` serves.
  public var feedsFolder: String
  public var baseURL: String
  public var mediaBaseURL: String

  public init(mediaFolder: String, feedsFolder: String, baseURL: String, mediaBaseURL: String) {
    self.mediaFolder = mediaFolder
    self.feedsFolder = feedsFolder
    self.baseURL = baseURL
    self.mediaBaseURL = mediaBaseURL
  }

  /// The layout of a site, or why it can't be mapped, as a sentence with what to do.
  public static func of(_ site: Site) -> Result<PublishLayout, PublishReport.Failure> {
    let settings = site.publish
    if let media = settings.mediaFolder, let feeds = settings.feedsFolder {
      return .success(
        PublishLayout(mediaFolder: media, feedsFolder: feeds, baseURL: site.baseURL, mediaBaseURL: site.mediaBaseURL))
    }
    guard let base = URLComponents(string: site.baseURL), let media = URLComponents(string: site.mediaBaseURL),
      base.scheme == media.scheme, base.host?.lowercased() == media.host?.lowercased(), base.port == media.port
    else {
      return .failure(
        PublishReport.Failure(
          key: nil,
          message: "base_url (\(site.baseURL)) and media_base_url (\(site.mediaBaseURL)) are on different hosts, so "
            + "one store can't be served at both by itself: set publish.feeds_folder and publish.media_folder in "
            + "podium.yaml to the folders (under the store's prefix) that each host's CDN serves, such as feeds and "
            + "media"))
    }
    let baseNames = base.path.split(separator: "/").map(String.init)
    let mediaNames = media.path.split(separator: "/").map(String.init)
    var common = 0
    while common < min(baseNames.count, mediaNames.count), baseNames[common] == mediaNames[common] { common += 1 }
    return .success(
      PublishLayout(
        mediaFolder: settings.mediaFolder ?? mediaNames[common...].joined(separator: "/"),
        feedsFolder: settings.feedsFolder ?? baseNames[common...].joined(separator: "/"),
        baseURL: site.baseURL, mediaBaseURL: site.mediaBaseURL))
  }

  /// The key of a file under `media_base_url`, by its path there (`show/media/a.mp3`).
  public func mediaKey(_ path: String) -> String { Self.join(mediaFolder, path) }

  /// The key of a file of the output folder, by its path there (`show/feed.xml`).
  public func feedsKey(_ path: String) -> String { Self.join(feedsFolder, path) }

  private static func join(_ folder: String, _ path: String) -> String { folder.isEmpty ? path : folder + "/" + path }
}
