import Foundation
import ObjectStore
import Publisher

/// Prints what a publish planned and did: the build's findings, then the plan (with `--dry-run`,
/// every file in upload order), what was uploaded, warnings, and the failure if any.
struct PublishOutput {
  let format: OutputFormat
  let output: String
  let terminal = Terminal.standardOutput

  func print(_ report: PublishReport) throws {
    switch format {
    case .json: Swift.print(try JSONOutput.string(PublishJSON(report)))
    case .text: Swift.print(text(report))
    }
  }

  func text(_ report: PublishReport) -> String {
    let printer = FindingPrinter(terminal: terminal)
    var lines: [String] = []
    if !report.build.findings.isEmpty {
      lines.append(printer.text(report.build.findings) + "\n")
      lines.append(printer.summary(report.build.findings))
    }
    if report.blockedByBuild {
      lines.append(terminal.paint("Nothing published", .bold) + ": the build's checks did not pass.")
      return lines.joined(separator: "\n")
    }
    let uploads = report.toUpload
    let skipped = report.items.count - uploads.count
    if report.dryRun && report.failure == nil {
      for item in report.items {
        let action = item.action == .upload ? terminal.paint("upload", .green) : terminal.paint("skip  ", .dim)
        let kind = item.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
        let size = Self.bytes(item.size).padding(toLength: 9, withPad: " ", startingAt: 0)
        lines.append("\(action) \(kind) \(size) \(item.key)  [\(item.contentType); \(item.cacheControl)]")
      }
      lines.append(
        "Dry run: would upload \(uploads.count) files (\(Self.bytes(report.bytesToUpload))) to \(report.location), "
          + "skip \(skipped) unchanged.")
    } else if report.failure == nil {
      if report.uploaded.isEmpty {
        lines.append("Nothing to upload: \(report.location) already has all \(report.items.count) files.")
      } else {
        lines.append(
          "Uploaded \(report.uploaded.count) files (\(Self.bytes(report.bytesToUpload))) to \(report.location); "
            + "\(skipped) unchanged.")
      }
      for note in report.notifications where note.problem == nil {
        lines.append("Told \(note.service == .websub ? "the WebSub hub" : "Podping") about \(note.feedURL).")
      }
    }
    for warning in report.warnings { lines.append(terminal.paint("warning", .yellow) + ": " + warning) }
    if let failure = report.failure {
      lines.append(terminal.paint("error", .red) + ": " + failure.message)
      // Feeds go up last and a few at a time: a failure among them may follow some that went up.
      let kinds = Dictionary(report.items.map { ($0.key, $0.kind) }) { first, _ in first }
      let newFeeds = report.uploaded.filter { kinds[$0]?.isLast == true }
      if report.uploaded.isEmpty {
        lines.append("Nothing was uploaded.")
      } else if newFeeds.isEmpty {
        lines.append(
          "\(report.uploaded.count) files were uploaded before this; the feeds that were live are still live.")
      } else {
        let named = newFeeds.prefix(3).joined(separator: ", ") + (newFeeds.count > 3 ? ", …" : "")
        lines.append(
          "\(report.uploaded.count) files were uploaded before this, \(newFeeds.count) of them feeds, sitemaps, "
            + "indexes or the OPML (\(named)), which are live now; publish again once this is fixed, so the others "
            + "follow.")
      }
    }
    return lines.joined(separator: "\n")
  }

  static func bytes(_ count: Int64) -> String {
    let units = ["B", "KB", "MB", "GB", "TB"]
    var value = Double(count)
    var unit = 0
    while value >= 1000, unit < units.count - 1 {
      value /= 1000
      unit += 1
    }
    return unit == 0 ? "\(count) B" : String(format: "%.1f %@", value, units[unit])
  }
}

/// The publish report as JSON: the same plan and outcome as the text.
struct PublishJSON: Encodable {
  struct Item: Encodable {
    var key: String, kind: String, action: String, size: Int64, sha256: String, contentType: String
    var cacheControl: String, publicURL: String
  }

  struct Notification: Encodable {
    var service: String, feedURL: String, problem: String?
  }

  var location: String
  var dryRun: Bool
  var published: Bool
  var findings: [FindingJSON]
  var items: [Item]
  var uploadBytes: Int64
  var uploaded: [String]
  var warnings: [String]
  var notifications: [Notification]
  var failure: String?
  var failedKey: String?

  init(_ report: PublishReport) {
    location = report.location
    dryRun = report.dryRun
    published = report.succeeded && !report.dryRun
    findings = report.build.findings.map(FindingJSON.init)
    items = report.items.map {
      Item(
        key: $0.key, kind: $0.kind.rawValue, action: $0.action.rawValue, size: $0.size, sha256: $0.sha256,
        contentType: $0.contentType, cacheControl: $0.cacheControl, publicURL: $0.publicURL)
    }
    uploadBytes = report.bytesToUpload
    uploaded = report.uploaded
    warnings = report.warnings
    notifications = report.notifications.map {
      Notification(service: $0.service.rawValue, feedURL: $0.feedURL, problem: $0.problem)
    }
    failure = report.failure?.message
    failedKey = report.failure?.key
  }
}
