import Catalogue
import Foundation
import FeedWriter

/// Everything a video show publishes besides its podcast feed: a page and an oEmbed answer per
/// video, a Media RSS feed and a video sitemap. Written in one step, so none of them points at a
/// page that doesn't exist.
public struct VideoSiteWriter: Sendable {
  public let catalogue: Catalogue
  public let show: Show

  public init(catalogue: Catalogue, show: Show) {
    self.catalogue = catalogue
    self.show = show
  }

  /// - Parameter episodes: the published episodes, newest first, with rendered notes.
  /// - Returns: paths inside the show's output folder, with their contents.
  public func write(_ episodes: [FeedEpisode]) throws -> [(path: String, data: Data)] {
    let videos = episodes.filter { $0.episode.media.type.hasPrefix("video/") }
      .map { VideoFacts($0, show: show, catalogue: catalogue) }
    var files: [(String, Data)] = []
    for video in videos {
      files.append((VideoPaths.page(video.episode), Data(try VideoPage.html(video, show: show).utf8)))
      files.append((VideoPaths.oEmbed(video.episode), try OEmbed.json(video, show: show)))
    }
    files.append((VideoPaths.index, Data(VideoIndexPage.html(videos, show: show).utf8)))
    files.append((VideoPaths.indexJSON, try VideoIndex.json(videos, show: show, catalogue: catalogue)))
    files.append((VideoPaths.mediaRSS, try MediaRSS.write(videos, show: show, catalogue: catalogue)))
    files.append((VideoPaths.sitemap, try VideoSitemap.write(videos, show: show)))
    return files
  }
}
