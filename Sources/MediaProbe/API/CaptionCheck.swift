import Diagnostics

/// Checks captions or a transcript against the media they belong to, which the probe of the
/// caption file alone can't know.
public enum CaptionCheck {
  /// Slack for media durations rounded to the frame or the second.
  static let tolerance = 0.5

  /// Reports captions that run past the end of their media: those cues never show, and they are
  /// the surest sign that the captions belong to another episode or another edit.
  ///
  /// - Parameters:
  ///   - captions: A probe of a WebVTT or SubRip file; other formats are not checked.
  ///   - mediaDuration: The media's duration in seconds, as its probe reads it.
  /// - Returns: A `PROBE-CAPTIONS` finding when the last cue ends more than 0.5 s after the media.
  public static func check(_ captions: MediaInfo, mediaDuration: Double) -> [Finding] {
    guard captions.container == .webvtt || captions.container == .srt, let end = captions.duration,
      mediaDuration.isFinite, mediaDuration >= 0, end > mediaDuration + tolerance
    else { return [] }
    let runs = CaptionTimestamp.format(Int((end * 1000).rounded()))
    let lasts = CaptionTimestamp.format(Int((mediaDuration * 1000).rounded()))
    return [
      ProbeRules.captions.finding(
        "the captions run to \(runs) but the media lasts \(lasts); cues after the end never show, so re-time them "
          + "or check that they belong to this episode", at: SourceLocation(file: captions.path))
    ]
  }
}
