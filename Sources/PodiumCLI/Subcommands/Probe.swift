import ArgumentParser
import Diagnostics
import Foundation
import MediaProbe
import Parallel

extension Podium {
  struct Probe: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Read the true format, duration, size, codecs and more from media, artwork and caption files.",
      discussion: "The format comes from the content, never from the name. JSON fields are described in docs/probe.md.")

    @Argument(help: "Files to probe.")
    var files: [String]

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
      let probe = MediaProbe()
      let results = ParallelMap.map(files) { probe.probe(path: $0) }
      switch format {
      case .json: print(try JSONOutput.string(results.map(ProbeJSON.init)))
      case .text: print(results.map(ProbeText.describe).joined(separator: "\n\n"))
      }
      if results.contains(where: { $0.findings.containsErrors }) { throw ExitCode.failure }
    }
  }
}
