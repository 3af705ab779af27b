/// One cue of a WebVTT or SubRip file as a transcript reads it: its times, who speaks, and its
/// text with the markup taken out, so every form written from it says the same.
public struct CaptionCue: Sendable, Hashable {
  /// Milliseconds from the start of the media.
  public var start: Int
  public var end: Int
  /// The voice of a WebVTT `<v Name>` span, or a SubRip card's `Name:`; nil when the file names nobody.
  public var speaker: String?
  /// Plain text: no tags, character references decoded, the file's line breaks kept as `\n`,
  /// blank lines and control characters left out.
  public var text: String

  public init(start: Int, end: Int, speaker: String? = nil, text: String) {
    self.start = start
    self.end = end
    self.speaker = speaker
    self.text = text
  }

  /// The text on one line, as a transcript paragraph or a JSON segment's body shows it.
  public var line: String { text.split(separator: "\n").joined(separator: " ") }
}
