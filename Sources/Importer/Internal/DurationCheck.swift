import MediaProbe

/// Holds the feed's `itunes:duration` against the duration probed from the media: a missing one
/// is filled in, one that differs by more than ``tolerance(for:estimated:)`` is noted and kept
/// (apps were told it; the producer decides which is right).
struct DurationCheck {
  let info: MediaInfo
  let url: String

  /// Feeds give whole seconds, rounded or cut (up to a second off), and players differ from a
  /// header's count by the encoder's delay and padding (tens of milliseconds): 3 s covers both.
  /// 1% (36 s an hour) leaves out hosts that computed the duration from an average bit rate,
  /// while a cut file, another edit, or minutes given as seconds are far past it. A duration
  /// estimated from part of the file (an MP3 without a Xing header) is allowed 5%.
  static func tolerance(for seconds: Double, estimated: Bool) -> Double {
    max(3, seconds * (estimated ? 0.05 : 0.01))
  }

  /// A week: longer than any episode's media (the longest live recordings run days, not weeks).
  /// A header or a size that says more is wrong or hostile, and would fill `itunes:duration`
  /// with a number no app shows sensibly.
  static let longest: Double = 7 * 24 * 3600

  func apply(to episode: inout EpisodeDraft) {
    // A header's duration may be any number, past what a whole number of seconds holds too.
    guard let probed = info.duration, probed > 0, probed < Double(Int.max) else {
      let why = info.duration.map { $0 > 0 && $0.isFinite ? "it says \($0) s, more than any media plays" : nil }
        ?? info.findings.first { $0.severity == .error || $0.ruleID == "PROBE-LIMIT" }?.message
      episode.notes.append(
        "the media's duration could not be read from its first and last bytes at \(url)\(why.map { " (\($0))" } ?? "")")
      return
    }
    let estimated = info.durationEstimated == true
    if probed > Self.longest {
      episode.notes.append(
        "the media at \(url) says it plays \(Int(probed)) s, more than a week: that duration is not used"
          + (estimated ? " (it was estimated from the first part of the file and the size the server gave)" : ""))
      return
    }
    let how = estimated ? "estimated from its first part, \(info.bytesRead / 1024) KB read" : "read from the media"
    let seconds = Int(probed.rounded())
    guard let declared = episode.duration else {
      episode.duration = seconds
      episode.notes.append("the feed gave no itunes:duration; the media's \(seconds) s (\(how)) is used")
      return
    }
    if abs(Double(declared) - probed) > Self.tolerance(for: probed, estimated: estimated) {
      episode.notes.append(
        "itunes:duration says \(declared) s but the media plays \(seconds) s (\(how)): the feed's duration is kept (apps "
          + "were told it); correct media.duration if the media is right")
    }
  }
}
