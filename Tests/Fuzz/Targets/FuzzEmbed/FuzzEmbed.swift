// ChapterEmbedder (podium chapters --embed) on hostile MP3 and MPEG-4 files: each input is written
// to a file in the current folder (fuzz.sh runs each target in its own under .work/), chapters are
// written into it, and the result is probed again. A refusal is fine; a crash, a hang, a file
// whose size is not what the embedder says it wrote, or a written file that the same chapters,
// written again, change or refuse (the MP4 writer replaces its own chapter track), or a new file
// left beside it is a bug.
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
      defer {
        let left = (try? FileManager.default.contentsOfDirectory(atPath: ".")) ?? []
        if let stray = left.first(where: { $0.hasPrefix(".\(FuzzEmbed.path).podium-") }) { fatalError("the embedder left \(stray)") }
      }
      if let size = try? ChapterEmbedder.embed(FuzzEmbed.marks, into: FuzzEmbed.path) {
        let info = MediaProbe().probe(path: FuzzEmbed.path)
        if info.size != size { fatalError("the embedder said \(size) bytes, the file has \(info.size)") }
        let written = FileManager.default.contents(atPath: FuzzEmbed.path)
        do {
          _ = try ChapterEmbedder.embed(FuzzEmbed.marks, into: FuzzEmbed.path)
        } catch {
          fatalError("the written file was refused the second time: \(error)")
        }
        if FileManager.default.contents(atPath: FuzzEmbed.path) != written { fatalError("embedding again changed the file") }
      }
      return 0
    })
  }
}
