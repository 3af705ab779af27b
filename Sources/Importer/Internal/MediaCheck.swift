import LinkCheck
import PodcastVocabulary

/// Asks each enclosure's server what it holds (LinkCheck's HEAD and ranged GET, many at once,
/// each bounded) and notes where it disagrees with the feed. The feed's values stay: they are
/// what apps were told; a missing length is filled in from the server.
struct MediaCheck {
  let configuration: LinkCheckConfiguration

  func check(_ episodes: inout [EpisodeDraft]) {
    let requests = episodes.map { episode in
      LinkRequest(
        url: episode.mediaURL, kind: .enclosure, expectedLength: episode.mediaLength > 0 ? episode.mediaLength : nil,
        expectedType: episode.mediaType.isEmpty ? nil : episode.mediaType)
    }
    let results = LinkChecker(configuration: configuration).check(requests)
    for (index, result) in results.enumerated() {
      if let error = result.error {
        episodes[index].notes.append("the media could not be checked at \(result.finalURL) (\(error.description)); its URL is kept")
        continue
      }
      if let length = result.contentLength {
        if episodes[index].mediaLength <= 0 {
          episodes[index].mediaLength = length
          episodes[index].notes.append("the feed gave no enclosure length; the server's \(length) bytes is used")
        } else if length != episodes[index].mediaLength {
          episodes[index].notes.append(
            "the feed says \(episodes[index].mediaLength) bytes, the server \(length): the feed's length is kept (apps were told it); "
              + "correct media.length if the file changed")
        }
      }
      if let type = result.contentType, !episodes[index].mediaType.isEmpty,
        !MediaTypes.matches(declared: episodes[index].mediaType, expected: type)
      {
        episodes[index].notes.append("the feed says \(episodes[index].mediaType), the server \(type)")
      }
      if result.rangeSupported == false {
        episodes[index].notes.append("the media's server does not answer byte ranges, which Apple Podcasts needs")
      }
    }
  }
}
