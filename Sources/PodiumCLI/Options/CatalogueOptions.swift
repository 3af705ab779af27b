import ArgumentParser
import Catalogue
import Foundation

/// Options every command takes.
struct CatalogueOptions: ParsableArguments {
  @Option(name: .customLong("catalogue"), help: "The catalogue folder.")
  var catalogue = "episodes"

  @Option(name: .customLong("output"), help: "The output folder.")
  var output = "feeds"

  @Option(help: ArgumentHelp(
    "The moment that decides what is published, as ISO 8601 with a zone (default: the clock).",
    valueName: "iso-8601"))
  var now: String?

  var catalogueURL: URL { URL(fileURLWithPath: catalogue) }
  var outputURL: URL { URL(fileURLWithPath: output) }

  func validate() throws {
    if let now, Timestamp.parse(now) == nil {
      throw ValidationError("--now '\(now)' is not an ISO 8601 date and time with a zone, like 2024-03-14T09:00:00+01:00")
    }
  }

  /// `--now`, or the clock in the machine's time zone.
  var moment: Timestamp {
    if let now, let parsed = Timestamp.parse(now) { return parsed }
    return Self.clock()
  }

  /// The clock, in the machine's time zone.
  static func clock() -> Timestamp {
    let date = Date()
    return Timestamp(
      seconds: Int64(date.timeIntervalSince1970.rounded(.down)), offset: TimeZone.current.secondsFromGMT(for: date))
  }
}

/// `--format text|json`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}
