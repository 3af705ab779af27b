/// The parts of a SARIF 2.1.0 log that Podium writes: one run, its rules, and its results.
/// Field names are SARIF's own; optional fields are left out when nil.
struct SARIFLog: Encodable {
  struct Run: Encodable {
    var tool: Tool
    var results: [Result]
  }

  struct Tool: Encodable {
    var driver: Driver
  }

  struct Driver: Encodable {
    var name: String
    var informationUri: String?
    var version: String
    var rules: [ReportingDescriptor]
  }

  /// A rule: SARIF's `reportingDescriptor`.
  struct ReportingDescriptor: Encodable {
    var id: String
    var shortDescription: Message
    var fullDescription: Message
    var helpUri: String?
    var defaultConfiguration: Configuration
    var properties: Properties?
  }

  struct Configuration: Encodable {
    var level: String
  }

  struct Properties: Encodable {
    var tags: [String]
  }

  struct Message: Encodable {
    var text: String
  }

  struct Result: Encodable {
    var ruleId: String
    var ruleIndex: Int
    var level: String
    var message: Message
    var locations: [Location]?
  }

  struct Location: Encodable {
    var physicalLocation: PhysicalLocation
  }

  struct PhysicalLocation: Encodable {
    var artifactLocation: ArtifactLocation
    var region: Region?
  }

  struct ArtifactLocation: Encodable {
    var uri: String
    var uriBaseId: String?
  }

  struct Region: Encodable {
    var startLine: Int
    var startColumn: Int?
  }

  enum CodingKeys: String, CodingKey {
    case schema = "$schema", version, runs
  }

  var schema = "https://json.schemastore.org/sarif-2.1.0.json"
  var version = "2.1.0"
  var runs: [Run]
}
