import Catalogue
import Foundation
import MediaProbe
import PodiumXML

/// A video's transcript as a page, next to the video's own page: for people who read instead of
/// watch, and for search engines, which index a page's text but not a caption file. Laid out as
/// the Podcasting 2.0 HTML transcript (`<cite>` speaker, `<time>` start, `<p>` words,
/// https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/transcripts/transcripts.md#html),
/// one block per turn: cues in a row by the same speaker are one paragraph.
///
/// Written through ``HTMLWriter``, so every cue's text is escaped there: markup in a caption
/// file is text on this page, never a tag. It has no script, and its Content-Security-Policy
/// allows none.
enum TranscriptPage {
  static func html(_ facts: VideoFacts, cues: [CaptionCue], show: Show, catalogue: Catalogue) throws -> Data {
    let episode = facts.episode
    let language = facts.transcript?.language ?? show.language
    let locale = PageLocale(language: show.language)
    let html = HTMLWriter()
    try PageHead.start(html, language: language, policy: ContentPolicy(catalogue: catalogue, videos: [], style: style))
    try html.element("title", "\(heading(locale)): \(episode.title) – \(show.title)")
    try html.newline()
    try html.element("meta", attributes: ["name": "description", "content": facts.description])
    try html.newline()
    try html.element(
      "link", attributes: ["rel": "canonical", "href": catalogue.outputURL(for: show, path: VideoPaths.transcriptPage(episode))])
    try html.newline()
    try html.element("style", style)
    try html.newline()
    try PageHead.startBody(html, heading: episode.title)
    try html.startElement("p")
    try html.element("a", locale.watch, attributes: ["href": "./"])
    try html.endElement()
    try html.newline()
    let turns = turns(cues)
    if !turns.isEmpty {
      try html.startElement("div")
      try html.attribute("class", "transcript")
      try html.newline()
      for turn in turns {
        if let speaker = turn.speaker {
          try html.element("cite", speaker)
          try html.newline()
        }
        try html.element("time", locale.duration(turn.start / 1000), attributes: ["datetime": isoDuration(turn.start)])
        try html.newline()
        try html.element("p", turn.text)
        try html.newline()
      }
      try html.endElement()
      try html.newline()
    }
    for _ in ["main", "body", "html"] {
      try html.endElement()
      try html.newline()
    }
    return Data(try html.finish().utf8)
  }

  /// The video page's link to this one.
  static func linkText(_ locale: PageLocale) -> String { locale.dutch ? "Lees de transcriptie" : "Read the transcript" }

  private static func heading(_ locale: PageLocale) -> String { locale.dutch ? "Transcriptie" : "Transcript" }

  /// Cues in a row by the same speaker, as one paragraph; cues with no text are left out.
  static func turns(_ cues: [CaptionCue]) -> [(speaker: String?, start: Int, text: String)] {
    var turns: [(speaker: String?, start: Int, text: String)] = []
    for cue in cues where !cue.text.isEmpty {
      if let last = turns.last, last.speaker == cue.speaker {
        turns[turns.count - 1].text += " " + cue.line
      } else {
        turns.append((cue.speaker, cue.start, cue.line))
      }
    }
    return turns
  }

  /// `PT1M5.25S`: a `<time>`'s machine-readable duration
  /// (https://html.spec.whatwg.org/multipage/common-microsyntaxes.html#valid-duration-string).
  static func isoDuration(_ milliseconds: Int) -> String {
    let (hours, minutes) = (milliseconds / 3_600_000, milliseconds / 60_000 % 60)
    let seconds = "\(Decimal(milliseconds % 60_000) / 1000)"
    return "PT" + (hours > 0 ? "\(hours)H" : "") + (minutes > 0 ? "\(minutes)M" : "") + seconds + "S"
  }

  /// A style element's text is written as it is (the writer refuses one that could end the element).
  static let style = """
    body{margin:0;font:16px/1.6 system-ui,sans-serif;color:#1a1a1a;background:#fff}\
    main{max-width:720px;margin:0 auto;padding:1rem}\
    h1{font-size:1.5rem;line-height:1.2}\
    cite{display:block;font-style:normal;font-weight:bold;margin-top:1.2em}\
    time{color:#555;font-size:.9em}.transcript p{margin:.2em 0 0}
    """
}
