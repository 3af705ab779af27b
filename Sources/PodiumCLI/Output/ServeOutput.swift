import Foundation
import Preview

/// What `podium serve` prints: where it listens, the local address of every feed and video
/// index, and each rebuild's outcome with its findings.
struct ServeOutput {
  let terminal = Terminal.standardOutput

  func started(_ server: PreviewServer) {
    var lines = [
      terminal.paint("Serving", .bold) + " the preview at \(server.address)/ "
        + (server.isLoopback
          ? "(this machine only; --host 0.0.0.0 to reach it from your network)."
          : "on every network this machine is on: anyone who can reach it can read the catalogue's media.")
    ]
    lines.append(report(server.firstBuild))
    lines.append("Watching the catalogue for changes; Ctrl-C stops.")
    show(lines.joined(separator: "\n"))
  }

  func rebuilt(_ build: PreviewBuild) {
    show("\n" + terminal.paint("Catalogue changed", .bold) + ": build \(build.number).\n" + report(build))
  }

  /// Printed at once, also into a pipe or a log file: the server runs until stopped.
  func show(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }

  private func report(_ build: PreviewBuild) -> String {
    let printer = FindingPrinter(terminal: terminal)
    var lines: [String] = []
    if let error = build.error { lines.append(terminal.paint("error", .red) + ": \(error)") }
    if !build.report.findings.isEmpty { lines.append(printer.text(build.report.findings)) }
    if build.succeeded {
      for show in build.shows {
        lines.append("\(terminal.paint(show.slug, .bold)): feed \(show.feedURL)")
        if let url = show.mediaRSSURL { lines.append("  Media RSS \(url)") }
        if let url = show.videoIndexURL { lines.append("  video index \(url)") }
      }
    } else {
      lines.append(
        terminal.paint("The build failed", .red)
          + (build.shows.isEmpty ? "; nothing to serve until it passes." : "; still serving the last good build.")
          + " Open pages show the findings.")
    }
    lines.append(printer.summary(build.report.findings))
    return lines.joined(separator: "\n")
  }
}
