import Catalogue
import Foundation
import PodiumXML

/// An episode's chapters in the dialects other than Podcasting 2.0 JSON (``ChaptersWriter``):
/// each from the same ``Chapter`` list, so every app sees the same table of contents.
public enum ChapterDialects {
  /// Podlove Simple Chapters' namespace, declared on `<rss>` as `psc`.
  public static let pscNamespace = "http://podlove.org/simple-chapters"

  /// The dialects `podium chapters --format` prints.
  public enum Format: String, CaseIterable, Sendable {
    case json, psc, vtt, text
  }

  /// An episode's chapters as a file of `format`: what the build publishes for JSON and WebVTT,
  /// a document of its own for Podlove Simple Chapters, the notes' lines for text.
  public static func document(_ episode: Episode, show: Show, format: Format) throws -> Data {
    switch format {
    case .json: return try ChaptersWriter.write(episode, show: show)
    case .vtt: return webVTT(episode)
    case .text: return Data(timestamps(episode.chapters).utf8)
    case .psc:
      let xml = try XMLWriter()
      try xml.startDocument()
      try psc(episode.chapters, to: xml, declaringNamespace: true)
      return try xml.finish()
    }
  }

  /// Each listed chapter with its end: where the next starts, the last at the media's end.
  public static func spans(_ episode: Episode) -> [(chapter: Chapter, end: Double)] {
    let chapters = Chapter.listed(episode.chapters)
    return chapters.enumerated().map { index, chapter in
      (chapter, max(chapter.start, index + 1 < chapters.count ? chapters[index + 1].start : end(of: episode)))
    }
  }

  /// Where the last chapter ends: the media's probed end, else its declared duration.
  public static func end(of episode: Episode) -> Double {
    episode.media?.probe?.duration ?? Double(episode.duration)
  }

  /// `<psc:chapters version="1.2">` with a `<psc:chapter start title [href] [image]>` per listed
  /// chapter, as https://podlove.org/simple-chapters/ specifies, for an item or a document.
  public static func psc(_ chapters: [Chapter], to xml: XMLWriter, declaringNamespace: Bool = false) throws {
    try xml.startElement("psc:chapters")
    if declaringNamespace { try xml.attribute("xmlns:psc", pscNamespace) }
    try xml.attribute("version", "1.2")
    for chapter in Chapter.listed(chapters) {
      try xml.startElement("psc:chapter")
      try xml.attribute("start", ChapterTime.precise(chapter.start))
      try xml.attribute("title", oneLine(chapter.title))
      if let url = chapter.url { try xml.attribute("href", url) }
      if let img = chapter.img { try xml.attribute("image", img) }
      try xml.endElement()
    }
    try xml.endElement()
  }

  /// A WebVTT file of chapter cues, each ending where the next starts and the last at the end of
  /// the media: what `<track kind="chapters">` plays (https://www.w3.org/TR/webvtt1/#webvtt-file-using-chapter-title-text).
  public static func webVTT(_ episode: Episode) -> Data {
    var text = "WEBVTT\n"
    for (index, span) in spans(episode).enumerated() {
      text += "\n\(index + 1)\n\(ChapterTime.precise(span.chapter.start)) --> \(ChapterTime.precise(span.end))\n"
      text += cueText(span.chapter.title) + "\n"
    }
    return Data(text.utf8)
  }

  /// `00:00 Title` lines, the form YouTube and Spotify turn into chapters in a description.
  public static func timestamps(_ chapters: [Chapter]) -> String {
    Chapter.listed(chapters).map { "\(ChapterTime.clock($0.start)) \(oneLine($0.title))\n" }.joined()
  }

  /// ``timestamps(_:)`` as a Markdown paragraph appended to the notes: one line each (hard
  /// breaks), titles escaped so that no `*` or `<` in one becomes markup.
  public static func notes(_ markdown: String, appending chapters: [Chapter]) -> String {
    let lines = Chapter.listed(chapters).map { "\(ChapterTime.clock($0.start)) \(markdownEscaped(oneLine($0.title)))" }
    guard !lines.isEmpty else { return markdown }
    let separator = markdown.hasSuffix("\n\n") ? "" : markdown.hasSuffix("\n") ? "\n" : markdown.isEmpty ? "" : "\n\n"
    return markdown + separator + lines.joined(separator: "\\\n") + "\n"
  }

  private static func oneLine(_ text: String) -> String {
    // Most titles are ASCII without a line break: taken as they are, without looking at characters.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x80 }) { return text }
    return text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }

  /// Cue text holds no `-->`, and `&` and `<` start references and tags (WebVTT §4.2.2).
  private static func cueText(_ title: String) -> String {
    let line = oneLine(title)
    guard line.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") })
    else { return line }
    return line.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }

  /// Every ASCII punctuation character backslash-escaped, which CommonMark reads as the character itself.
  private static func markdownEscaped(_ text: String) -> String {
    var result = ""
    for character in text {
      if character.isASCII, character.isPunctuation || character.isSymbol { result.append("\\") }
      result.append(character)
    }
    return result
  }
}
