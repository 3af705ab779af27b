// Show notes and descriptions: ShowNotes' cmark-gfm renderer on the input as Markdown, and
// PodiumXML.HTMLSanitizer on it as HTML (sanitise, cut to a byte limit, plain text). Besides
// not crashing, the outputs must keep the promises the documentation makes.
import Foundation
import FuzzDriver
import PodiumXML
import ShowNotes

@main enum FuzzHTML {
  static func main() {
    exit(podium_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { start, count in
      let text = start.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: count), as: UTF8.self) } ?? ""
      FuzzHTML.check(html: text)
      let notes = ShowNotesRenderer().render(markdown: text)
      FuzzHTML.check(html: notes.html)
      let limit = notes.html.utf8.count / 2
      FuzzHTML.expect(notes.description(maxBytes: limit).utf8.count <= limit, "description(maxBytes:) is over its limit")
      _ = notes.plainText
      return 0
    })
  }

  static func check(html: String) {
    let sanitizer = HTMLSanitizer()
    let clean = sanitizer.sanitize(html)
    expect(!clean.html.contains("]]>"), "sanitised HTML contains ]]>")
    expect(!clean.html.lowercased().contains("<script"), "sanitised HTML contains a script")
    // A cut somewhere in the middle of the fragment, and one too small for the ellipsis.
    for limit in [clean.html.utf8.count / 2, 2] {
      expect(sanitizer.truncate(html, toBytes: limit).utf8.count <= limit, "truncate(toBytes: \(limit)) is over its limit")
    }
    _ = sanitizer.plainText(fromHTML: html)
  }

  static func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
  }
}
