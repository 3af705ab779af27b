import Catalogue
import FeedWriter
import Foundation

/// Everything a video show publishes besides its podcast feed: a page and an oEmbed answer per
/// video, the embeddable index with its script and data, a Media RSS feed and a video sitemap.
/// Written in one step, so none of them points at a page that doesn't exist.
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
    let videos = episodes.filter { VideoFacts.isVideo($0.episode) }.map { VideoFacts($0, show: show, catalogue: catalogue) }
    let locale = PageLocale(language: show.language)
    var files: [(String, Data)] = []
    var images: Set<String> = []
    for video in videos {
      files.append((VideoPaths.page(video.episode), Data(try VideoPage.html(video, show: show, catalogue: catalogue, locale: locale).utf8)))
      files.append((VideoPaths.oEmbed(video.episode), try OEmbed.json(video, show: show)))
      if let transcript = video.transcript {
        let data = try CatalogueFileKind(transcript).read(catalogue.fileURL(for: transcript.file, in: show), path: transcript.file)
        let cues = try TranscriptCues.read(data, name: transcript.file)
        files.append((VideoPaths.transcriptPage(video.episode), try TranscriptPage.html(video, cues: cues, show: show, catalogue: catalogue)))
      }
      if let copy = video.poster.copy, images.insert(copy.to).inserted {
        files.append((copy.to, try CatalogueFileKind.poster.read(catalogue.fileURL(for: copy.from, in: show), path: copy.from)))
      }
    }
    files.append((VideoPaths.index, Data(try VideoIndexPage.html(videos, show: show, catalogue: catalogue, locale: locale).utf8)))
    files.append((VideoPaths.indexJSON, try VideoIndex.json(videos, show: show, catalogue: catalogue, locale: locale)))
    files.append((VideoPaths.script, try EmbedAssets.script()))
    files.append((VideoPaths.mediaRSS, try MediaRSS.write(videos, show: show, catalogue: catalogue)))
    files.append((VideoPaths.sitemap, try VideoSitemap.write(videos, show: show)))
    return files
  }
}
