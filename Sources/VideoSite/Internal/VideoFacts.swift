import Catalogue
import FeedWriter

/// What every video output says about one episode, worked out once: URLs, sizes, texts.
struct VideoFacts {
  /// A video file the browser plays itself.
  struct File {
    let url: String
    let type: String
    let length: Int64
  }

  let episode: Episode
  let pageURL: String
  let oEmbedURL: String
  /// The main video file; `nil` for a video that is only on YouTube or Vimeo.
  let video: File?
  /// The provider's player, for a video with no file of its own.
  let external: ExternalVideo?
  let duration: Int
  let width: Int?
  let height: Int?
  /// The poster as the index serves it: a copy next to the index, so showing it asks no one else.
  let poster: PosterCopy
  /// Other video renditions the browser may prefer (WebM).
  let sources: [(url: String, type: String)]
  let captions: [(url: String, language: String)]
  /// The WebVTT or SubRip transcript the transcript page is made from: the first in the show's
  /// language, or else the first.
  let transcript: Transcript?
  /// The WebVTT chapters published beside the JSON ones, when the episode has chapters.
  let chaptersURL: String?
  /// The summary or the notes as plain text, at most 2000 characters; may be empty.
  let summary: String
  /// Plain text for meta descriptions and structured data: the summary, or else the title.
  let description: String
  let notesHTML: String

  init(_ item: FeedEpisode, show: Show, catalogue: Catalogue) {
    let episode = item.episode
    self.episode = episode
    pageURL = catalogue.outputURL(for: show, path: VideoPaths.pageFolder(episode))
    oEmbedURL = catalogue.outputURL(for: show, path: VideoPaths.oEmbed(episode))
    if let media = episode.media, media.type.hasPrefix("video/") {
      video = File(url: catalogue.publicURL(for: media.reference, in: show), type: media.type, length: media.length)
      external = nil
      width = media.probe?.width
      height = media.probe?.height
    } else {
      video = nil
      external = episode.external
      (width, height) = (nil, nil)
    }
    duration = episode.duration
    poster = PosterCopy(episode, show: show, catalogue: catalogue)
    sources = video == nil ? [] : episode.alternates.filter { $0.type.hasPrefix("video/") }
      .map { (catalogue.publicURL(for: $0.reference, in: show), $0.type) }
    // Every WebVTT file the feed lists, the ones the build writes from SubRip too.
    captions = PublishedTranscript.all(for: episode).filter { $0.type == "text/vtt" }
      .map { (catalogue.outputURL(for: show, path: $0.path), $0.source.language ?? show.language) }
    let timed = episode.transcripts.filter { [.webVTT, .subRip].contains(TranscriptForm(type: $0.type)) }
    let locale = PageLocale(language: show.language)
    transcript = timed.first { locale.isShowLanguage($0.language ?? show.language) } ?? timed.first
    chaptersURL = Chapter.listed(episode.chapters).isEmpty ? nil : catalogue.outputURL(for: show, path: OutputPaths.chaptersVTT(episode))
    let text = episode.summary ?? item.notes.plainText
    summary = String(text.prefix(2000))
    description = text.isEmpty ? episode.title : summary
    notesHTML = item.notes.html
  }

  var posterURL: String { poster.url }
  var posterWidth: Int? { poster.width }
  var posterHeight: Int? { poster.height }

  /// Whether this episode belongs in the video outputs: a video file, or a YouTube or Vimeo video.
  static func isVideo(_ episode: Episode) -> Bool {
    episode.media?.type.hasPrefix("video/") == true || episode.external != nil
  }
}
