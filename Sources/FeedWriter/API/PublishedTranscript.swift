import Catalogue

/// A transcript file an episode publishes, and its `podcast:transcript`: each file the catalogue
/// lists, as it is, and from each WebVTT or SubRip one the forms apps read that the episode doesn't
/// list itself (``TranscriptForm``), written by the build next to it.
public struct PublishedTranscript: Sendable, Hashable {
  /// The catalogue's transcript the file is, or is made from.
  public var source: Transcript
  /// The form the build writes from `source`; nil when `source` is published as it is.
  public var form: TranscriptForm?
  public var type: String
  /// Inside the show's output folder.
  public var path: String
  public var rel: String?

  /// The catalogue's transcripts first, in order; then, for each timed one, WebVTT, SubRip and
  /// JSON in that order, each unless a transcript of that type and language is there already.
  /// A derived form is named after its source: `transcripts/a.vtt` gives `transcripts/a.srt`
  /// and `transcripts/a.json`.
  public static func all(for episode: Episode) -> [PublishedTranscript] {
    var published = episode.transcripts.map {
      PublishedTranscript(source: $0, form: nil, type: $0.type, path: OutputPaths.transcript($0), rel: $0.rel)
    }
    var taken = Set(episode.transcripts.map { Key(form: TranscriptForm(type: $0.type), language: $0.language) })
    for source in episode.transcripts {
      guard let own = TranscriptForm(type: source.type), own != .json else { continue }
      let name = source.outputName
      let base = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : name[..<$0] } ?? name[...]
      for form in TranscriptForm.allCases where form != own {
        guard taken.insert(Key(form: form, language: source.language)).inserted else { continue }
        published.append(
          PublishedTranscript(
            source: source, form: form, type: form.type, path: "\(OutputPaths.transcriptsFolder)/\(base).\(form.fileExtension)",
            // Captions are timed text a player shows; the JSON form is for reading along.
            rel: form == .json ? nil : source.rel))
      }
    }
    return published
  }

  private struct Key: Hashable {
    var form: TranscriptForm?
    var language: String?
  }
}
