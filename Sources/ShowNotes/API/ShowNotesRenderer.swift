import PodiumXML

/// Turns an episode's Markdown show notes into HTML that is safe to put in a feed.
///
/// Markdown is CommonMark with GitHub's tables, strikethrough and autolinks. HTML written in
/// the notes is kept only as far as ``HTMLSanitizer`` allows, and every removal is reported
/// so the author can be warned. The renderer keeps no state and may be used from many
/// threads at once.
public struct ShowNotesRenderer: Sendable {
  private let sanitizer = HTMLSanitizer()

  public init() {}

  /// - Parameter markdown: the notes, without front matter.
  /// - Returns: the sanitised HTML and what was removed from it.
  public func render(markdown: String) -> RenderedNotes {
    let sanitized = sanitizer.sanitize(MarkdownHTML.render(markdown))
    return RenderedNotes(
      html: sanitized.html, removals: sanitized.removals.filter { !$0.isMarkdownArtefact })
  }
}
