import Diagnostics

/// Findings as a SARIF 2.1.0 log, so CI systems (GitHub code scanning, GitLab, Azure DevOps)
/// annotate the catalogue files and feeds they point at.
struct SARIFOutput {
  /// Where people can read about the tool.
  /// Optional in SARIF; left out until the project has a public home.
  static let informationURI: String? = nil

  /// Maps the files findings name to repository-relative URIs.
  let artifacts: ArtifactLocator

  /// The log, with one run whose rules are those the findings use.
  func log(_ findings: [Finding]) -> SARIFLog {
    var rules: [SARIFLog.ReportingDescriptor] = []
    var ruleIndex: [String: Int] = [:]
    var results: [SARIFLog.Result] = []
    for finding in findings {
      let artifact = finding.location.map { artifacts.artifact(for: $0.file) }
      let index: Int
      if let known = ruleIndex[finding.ruleID] {
        index = known
      } else {
        index = rules.count
        ruleIndex[finding.ruleID] = index
        rules.append(Self.descriptor(for: finding))
      }
      results.append(
        SARIFLog.Result(
          ruleId: finding.ruleID, ruleIndex: index, level: Self.level(finding.severity),
          message: SARIFLog.Message(text: finding.message),
          locations: artifact.map { [Self.location($0, finding.location)] }))
    }
    let driver = SARIFLog.Driver(
      name: "Podium", informationUri: Self.informationURI, version: Podium.configuration.version, rules: rules)
    return SARIFLog(runs: [SARIFLog.Run(tool: SARIFLog.Tool(driver: driver), results: results)])
  }

  /// The log as pretty-printed JSON with sorted keys.
  func string(_ findings: [Finding]) throws -> String {
    try JSONOutput.string(log(findings))
  }

  /// SARIF's levels: `error`, `warning`, and `note` for info.
  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .info: "note"
    }
  }

  private static func descriptor(for finding: Finding) -> SARIFLog.ReportingDescriptor {
    guard let match = RuleRegistry.rule(id: finding.ruleID) else {
      return SARIFLog.ReportingDescriptor(
        id: finding.ruleID, shortDescription: SARIFLog.Message(text: finding.ruleID),
        fullDescription: SARIFLog.Message(text: finding.ruleID), helpUri: nil,
        defaultConfiguration: SARIFLog.Configuration(level: level(finding.severity)), properties: nil)
    }
    let rule = match.rule
    return SARIFLog.ReportingDescriptor(
      id: rule.id, shortDescription: SARIFLog.Message(text: rule.summary),
      fullDescription: SARIFLog.Message(text: "\(rule.summary) Source: \(rule.source)."), helpUri: nil,
      defaultConfiguration: SARIFLog.Configuration(level: level(rule.severity)),
      properties: SARIFLog.Properties(tags: [match.group.name]))
  }

  private static func location(_ artifact: ArtifactLocator.Artifact, _ place: SourceLocation?) -> SARIFLog.Location {
    let region = place?.line.flatMap { line in
      line >= 1 ? SARIFLog.Region(startLine: line, startColumn: place?.column.flatMap { $0 >= 1 ? $0 : nil }) : nil
    }
    return SARIFLog.Location(
      physicalLocation: SARIFLog.PhysicalLocation(
        artifactLocation: SARIFLog.ArtifactLocation(uri: artifact.uri, uriBaseId: artifact.uriBaseID), region: region))
  }
}
