import ArgumentParser

/// `--format text|json|sarif`, for the commands that report findings: `validate`, `build` and `lint`.
///
/// Commands that print other data take `OutputFormat` (text or json), so `sarif` there is a usage error.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, sarif
}
