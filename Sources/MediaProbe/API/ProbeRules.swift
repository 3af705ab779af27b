import Diagnostics

/// What a probe reports about a file.
public enum ProbeRules {
  static let source = "Podium media probe (docs/probe.md)"

  public static let unreadable = Rule(
    id: "PROBE-UNREADABLE", severity: .error, source: source, summary: "The file can be opened and read.")
  public static let empty = Rule(
    id: "PROBE-EMPTY", severity: .error, source: source, summary: "The file is not empty.")
  public static let unknownFormat = Rule(
    id: "PROBE-UNKNOWN-FORMAT", severity: .error, source: source,
    summary: "The content is a known media, image or caption format.")
  public static let extensionMismatch = Rule(
    id: "PROBE-EXTENSION", severity: .warning, source: source,
    summary: "The file name's extension matches the content.")
  public static let malformed = Rule(
    id: "PROBE-MALFORMED", severity: .error, source: source,
    summary: "The file's structure is valid for its format.")
  public static let truncated = Rule(
    id: "PROBE-TRUNCATED", severity: .error, source: source,
    summary: "The file holds everything its headers promise; it was not cut short.")
  public static let garbage = Rule(
    id: "PROBE-GARBAGE", severity: .warning, source: source,
    summary: "There are no unknown bytes between frames or boxes.")
  public static let headerDisagrees = Rule(
    id: "PROBE-HEADER", severity: .warning, source: source,
    summary: "Duration headers (Xing, VBRI, mvhd) agree with the frames in the file.")
  public static let limitReached = Rule(
    id: "PROBE-LIMIT", severity: .warning, source: source,
    summary: "The probe stayed within its read and depth limits.")
  public static let notFaststart = Rule(
    id: "PROBE-FASTSTART", severity: .warning, source: source,
    summary: "In MPEG-4 files the moov box comes before mdat, so playback starts before the download ends.")
  public static let captions = Rule(
    id: "PROBE-CAPTIONS", severity: .error, source: "WebVTT, https://www.w3.org/TR/webvtt1/, and SubRip as https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/transcripts/transcripts.md reads it",
    summary: "Caption files are UTF-8 without control characters, and their cues are well-formed, in order and within the media.")

  public static let all: [Rule] = [
    unreadable, empty, unknownFormat, extensionMismatch, malformed, truncated, garbage, headerDisagrees, limitReached,
    notFaststart, captions,
  ]
}
