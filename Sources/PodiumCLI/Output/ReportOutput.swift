import Diagnostics
import Foundation
import Publisher

/// Writes reports in the chosen format. Findings go to standard output, as data.
struct ReportOutput {
  let format: ReportFormat
  /// Maps the files findings name to the URIs SARIF reports.
  var artifacts = ArtifactLocator.asGiven
  let terminal = Terminal.standardOutput

  func findings(_ findings: [Finding]) throws {
    switch format {
    case .json:
      print(try JSONOutput.string(findings.map(FindingJSON.init)))
    case .text:
      let printer = FindingPrinter(terminal: terminal)
      if !findings.isEmpty { print(printer.text(findings) + "\n") }
      print(printer.summary(findings))
    case .sarif:
      print(try SARIFOutput(artifacts: artifacts).string(findings))
    }
  }
}
