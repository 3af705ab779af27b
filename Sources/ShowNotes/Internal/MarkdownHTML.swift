internal import CCmarkGFM
import Foundation

/// cmark-gfm 0.29 adds the extensions' special characters (`~`, `|`…) to a process-wide
/// table before it parses inlines and removes them afterwards (github/cmark-gfm#176), so a
/// parser finishing on one thread can make another miss strikethrough or autolinks. Inline
/// parsing happens in `cmark_parser_finish`, so only that call takes the lock.
private let inlineParsingLock = NSLock()

/// Renders CommonMark with GitHub's tables, strikethrough and autolinks to HTML.
///
/// It renders with `CMARK_OPT_UNSAFE`, so HTML the author wrote passes through to the
/// allow-list sanitiser, which alone decides what stays. Harmless markup such as `<b>` or
/// `<sup>` survives, and what is dropped (`<script>`, `<iframe>`, `onclick`) is reported as
/// a removal. cmark's safe mode would instead replace all raw HTML with a comment, silently.
enum MarkdownHTML {
  private static let options = CMARK_OPT_UNSAFE

  static func render(_ markdown: String) -> String {
    let extensions = GFMExtensions.shared
    guard let parser = cmark_parser_new(options) else { return "" }
    defer { cmark_parser_free(parser) }
    for syntax in extensions.attached { cmark_parser_attach_syntax_extension(parser, syntax) }
    var markdown = markdown
    markdown.withUTF8 { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
      }
    }
    guard let document = inlineParsingLock.withLock({ cmark_parser_finish(parser) }) else { return "" }
    defer { cmark_node_free(document) }
    guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
    defer { cmark_get_default_mem_allocator().pointee.free(html) }
    return String(cString: html)
  }
}
