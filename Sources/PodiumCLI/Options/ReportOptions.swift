import ArgumentParser

/// How `validate` and `build` report.
struct ReportOptions: ParsableArguments {
  @Option(help: "text, json or sarif.")
  var format: ReportFormat = .text

  @Flag(help: "Fail on warnings too.")
  var strict = false

  @Flag(help: "Print how long each step took, and the peak memory, to standard error.")
  var timings = false
}
