import Foundation

/// A one-line progress bar on standard error, redrawn in place; only used on a terminal.
final class ProgressBar: Sendable {
  let label: String

  init(label: String) { self.label = label }

  func update(_ done: Int, _ total: Int) {
    let width = 30
    let filled = total > 0 ? width * done / total : width
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    let end = done >= total ? "\n" : ""
    FileHandle.standardError.write(Data("\r\(label) \(bar) \(done)/\(total)\(end)".utf8))
  }
}
