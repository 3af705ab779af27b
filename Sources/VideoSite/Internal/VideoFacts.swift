import Catalogue
import FeedWriter

/// What every video output says about one episode, worked out once: URLs, sizes, texts.
struct VideoFacts {
  let episode: Episode
  let pageURL: String
  let oEmbedURL: String
  let videoURL: String
  let videoType: String
  let width: Int?
  let height: Int?
  let posterURL: String
  let posterWidth: Int?
  let posterHeight: Int?
  /// Other video renditions the browser may prefer (WebM).
  let sources: [(url: String, type: String)]
  let captions: [(url: String, language: String)]
  /// Plain text for meta descriptions and structured data.
  let description: String
  let notesHTML: String

  init(_ item: FeedEpisode, show: Show, catalogue: Catalogue) {
    let episode = item.episode
    self.episode = episode
    pageURL = catalogue.outputURL(for: show, path: VideoPaths.pageFolder(episode))
    oEmbedURL = catalogue.outputURL(for: show, path: VideoPaths.oEmbed(episode))
    videoURL = catalogue.publicURL(for: episode.media.reference, in: show)
    videoType = episode.media.type
    width = episode.media.probe?.width
    height = episode.media.probe?.height
    if let poster = episode.poster {
      posterURL = catalogue.publicURL(for: poster.reference, in: show)
      (posterWidth, posterHeight) = (poster.width, poster.height)
    } else {
      posterURL = catalogue.publicURL(for: episode.artwork ?? show.artwork, in: show)
      (posterWidth, posterHeight) = (nil, nil)
    }
    sources = episode.alternates.filter { $0.type.hasPrefix("video/") }
      .map { (catalogue.publicURL(for: $0.reference, in: show), $0.type) }
    captions = episode.transcripts.filter { $0.type == "text/vtt" }
      .map { (catalogue.outputURL(for: show, path: OutputPaths.transcript($0)), $0.language ?? show.language) }
    let text = episode.summary ?? item.notes.plainText
    description = text.isEmpty ? episode.title : String(text.prefix(2000))
    notesHTML = item.notes.html
  }
}
