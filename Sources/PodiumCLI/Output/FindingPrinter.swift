import Diagnostics
import Foundation

/// Prints findings: grouped by file for people, or as JSON for programs.
struct FindingPrinter {
  let terminal: Terminal

  func text(_ findings: [Finding]) -> String {
    var lines: [String] = []
    var currentFile: String?
    for finding in findings {
      let file = finding.location?.file ?? "(catalogue)"
      if file != currentFile {
        if currentFile != nil { lines.append("") }
        lines.append(terminal.paint(file, .bold))
        currentFile = file
      }
      let place = finding.location.map { "\($0)" } ?? file
      lines.append("\(place): \(label(finding.severity)): [\(finding.ruleID)] \(finding.message)")
    }
    return lines.joined(separator: "\n")
  }

  func summary(_ findings: [Finding]) -> String {
    let errors = findings.filter { $0.severity == .error }.count
    let warnings = findings.filter { $0.severity == .warning }.count
    let infos = findings.count - errors - warnings
    let text = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
      + (infos > 0 ? ", \(infos) info" : "")
    return terminal.paint(text, errors > 0 ? .red : warnings > 0 ? .yellow : .green)
  }

  private func label(_ severity: Severity) -> String {
    switch severity {
    case .error: terminal.paint("error", .red)
    case .warning: terminal.paint("warning", .yellow)
    case .info: terminal.paint("info", .blue)
    }
  }
}

/// A finding as JSON: stable field names, documented in the README.
struct FindingJSON: Encodable {
  var ruleID: String
  var severity: String
  var message: String
  var file: String?
  var line: Int?
  var column: Int?

  init(_ finding: Finding) {
    ruleID = finding.ruleID
    severity = finding.severity.rawValue
    message = finding.message
    file = finding.location?.file
    line = finding.location?.line
    column = finding.location?.column
  }
}

enum JSONOutput {
  static func string(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
