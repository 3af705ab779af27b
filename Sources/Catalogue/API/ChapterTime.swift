/// Chapter times as the dialects write them. One place, so every dialect rounds alike: to the
/// millisecond, which is what ID3 CHAP, WebVTT and Podlove Simple Chapters can hold.
public enum ChapterTime {
  /// Whole milliseconds from the start.
  public static func milliseconds(_ seconds: Double) -> Int {
    guard seconds.isFinite, seconds > 0 else { return 0 }
    return Int(min(seconds * 1000, Double(Int32.max)).rounded())
  }

  /// `HH:MM:SS.mmm`: WebVTT cue times (https://www.w3.org/TR/webvtt1/#webvtt-timestamp) and
  /// Podlove Simple Chapters' normal play time (https://podlove.org/simple-chapters/).
  public static func precise(_ seconds: Double) -> String {
    let total = milliseconds(seconds)
    let (hours, minutes, secs, millis) = (total / 3_600_000, total / 60_000 % 60, total / 1000 % 60, total % 1000)
    return pad(hours, 2) + ":" + pad(minutes, 2) + ":" + pad(secs, 2) + "." + pad(millis, 3)
  }

  /// `MM:SS`, or `H:MM:SS` from an hour on, in whole seconds rounded down: the timestamps YouTube
  /// and Spotify turn into chapters in a description, and how findings name a moment.
  public static func clock(_ seconds: Double) -> String {
    let total = milliseconds(seconds) / 1000
    let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
    return hours > 0 ? "\(hours):\(pad(minutes, 2)):\(pad(secs, 2))" : "\(pad(minutes, 2)):\(pad(secs, 2))"
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}
