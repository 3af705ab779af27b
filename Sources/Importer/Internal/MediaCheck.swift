import LinkCheck
import MediaProbe
import Parallel
import PodcastVocabulary

/// Asks each enclosure's server what it holds (LinkCheck's HEAD and ranged GET, many at once,
/// each bounded), then probes the media where the server answers ranges (``MediaProbe`` over
/// ``RemoteMediaRanges``, a few hundred KB each), and notes where either disagrees with the
/// feed. The feed's values stay: they are what apps were told; a missing length or duration is
/// filled in from the server or the media.
struct MediaCheck {
  let configuration: LinkCheckConfiguration
  let budget: FetchBudget

  func check(_ episodes: inout [EpisodeDraft]) {
    // In batches, so that the import's time for the network is looked at between them.
    let batch = max(1, configuration.maximumConcurrent) * 4
    // Each file is probed once, however many items name it.
    var probed: [String: MediaInfo] = [:]
    for start in stride(from: 0, to: episodes.count, by: batch) {
      let range = start..<min(start + batch, episodes.count)
      if let spent = budget.timeSpent {
        for index in range {
          episodes[index].notes.append("the media was not checked: \(spent); its URL and the feed's length and type are kept")
        }
        continue
      }
      check(&episodes, range, &probed)
    }
  }

  private func check(_ episodes: inout [EpisodeDraft], _ range: Range<Int>, _ probed: inout [String: MediaInfo]) {
    let requests = episodes[range].map { episode in
      LinkRequest(
        url: episode.mediaURL, kind: .enclosure, expectedLength: episode.mediaLength > 0 ? episode.mediaLength : nil,
        expectedType: episode.mediaType.isEmpty ? nil : episode.mediaType)
    }
    let results = LinkChecker(configuration: budget.configuration(configuration)).check(requests)
    for (offset, result) in results.enumerated() {
      let index = range.lowerBound + offset
      if let error = result.error {
        episodes[index].notes.append("the media could not be checked at \(result.finalURL) (\(error.description)); its URL is kept")
        continue
      }
      if let length = result.contentLength, length > Self.largestMedia {
        episodes[index].notes.append(
          "the server says the media holds \(length) bytes, more than any episode's media (1 TiB): that size is not used")
      } else if let length = result.contentLength {
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
        episodes[index].notes.append(
          "the media's server does not answer byte ranges, which Apple Podcasts needs; its duration was not read from it")
      }
    }
    probe(&episodes, range, results, &probed)
  }

  /// Reads each duration from the media itself, where the server answers ranges and gave a size,
  /// as many at once as LinkCheck makes requests at once.
  private func probe(
    _ episodes: inout [EpisodeDraft], _ range: Range<Int>, _ results: [LinkResult], _ probed: inout [String: MediaInfo]
  ) {
    let wanted = results.enumerated().compactMap { offset, result -> (index: Int, ranges: RemoteMediaRanges)? in
      guard result.error == nil, result.rangeSupported == true, let size = result.contentLength, size > 0,
        size <= Self.largestMedia
      else { return nil }
      return (range.lowerBound + offset, RemoteMediaRanges(url: result.finalURL, size: size, configuration: configuration, budget: budget))
    }
    if let spent = budget.probeBytesSpent {
      for job in wanted where probed[job.ranges.url] == nil {
        episodes[job.index].notes.append("the media's duration was not read from it: \(spent)")
      }
    } else {
      var seen: Set<String> = []
      let jobs = wanted.filter { probed[$0.ranges.url] == nil && seen.insert($0.ranges.url).inserted }.map(\.ranges)
      let probe = MediaProbe(limits: .remote)
      let infos = BlockingMap.map(jobs, workers: max(1, configuration.maximumConcurrent)) { ranges in
        probe.probe(ranges: ranges, name: Self.name(of: ranges.url))
      }
      for (ranges, info) in zip(jobs, infos) {
        probed[ranges.url] = info
        budget.spendOnProbes(info.bytesRead)
      }
    }
    for job in wanted {
      guard let info = probed[job.ranges.url] else { continue }
      DurationCheck(info: info, url: job.ranges.url).apply(to: &episodes[job.index])
    }
  }

  /// 1 TiB, past any episode's media (hosts cap uploads far below it): a server claiming more is
  /// wrong or hostile, and its number is neither written into the catalogue nor used to place
  /// the probe's ranges.
  static let largestMedia: Int64 = 1 << 40

  /// The URL's path without its query, so the probe's extension check reads the file name.
  static func name(of url: String) -> String {
    String(url.split(separator: "?", maxSplits: 1).first ?? "")
  }
}
