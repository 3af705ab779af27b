// ChapterEmbedder (podium chapters --embed) on hostile MP3 and MPEG-4 files: each input is written
// to a file in the current folder (fuzz.sh runs each target in its own under .work/), chapters are
// written into it, and the result is probed again. A refusal is fine; a crash, a hang, or a file
// whose size is not what the embedder says it wrote is a bug.
import Foundation
import FuzzDriver
import MediaProbe

@main enum FuzzEmbed {
  static let path = "embed.\(getpid()).input"
  static let marks = [
    ChapterEmbedder.Mark(start: 0, end: 1, title: "Begin"), ChapterEmbedder.Mark(start: 1, end: 2.5, title: "Één & twee"),
  ]

  static func main() {
    exit(podium_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { start, count in
      let data = start.map { Data(bytes: $0, count: count) } ?? Data()
      guard FileManager.default.createFile(atPath: FuzzEmbed.path, contents: data) else { return 0 }
      if let size = try? ChapterEmbedder.embed(FuzzEmbed.marks, into: FuzzEmbed.path) {
        let info = MediaProbe().probe(path: FuzzEmbed.path)
        if info.size != size { fatalError("the embedder said \(size) bytes, the file has \(info.size)") }
      }
      return 0
    })
  }
}
