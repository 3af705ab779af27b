import ArgumentParser
import Catalogue
import Foundation
import Publisher

extension Podium {
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the episodes and their status: draft, scheduled or published.",
      discussion: "A file that fails to load is listed with its errors, and the exit code is then 1.")

    @OptionGroup var options: CatalogueOptions

    @Option(help: "Only this show.")
    var show: String?

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    struct Row: Encodable {
      var show: String, date: String, status: String, title: String, guid: String, file: String
      /// For a file that is there but failed to load (status `error`): why, as findings print.
      var errors: [String]?
    }

    func run() throws {
      // Only what a list shows is read (no notes, no checks across the catalogue); episode files
      // the last build read are taken from its cache, read only, as validate takes them.
      var publisher = Publisher(
        catalogueURL: options.catalogueURL, outputURL: options.outputURL, options: BuildOptions(now: options.moment))
      publisher.cache = .beside(options.outputURL, version: Podium.configuration.version)
      var loaded = publisher.loadForListing()
      guard let catalogue = loaded.catalogue else {
        try ReportOutput(format: .text).findings(loaded.findings)
        throw ExitCode.failure
      }
      let now = options.moment
      // Sorted as indices: a sorted copy of the episodes themselves is some 80 MB at 100,000.
      let rows = catalogue.shows.filter { show == nil || $0.slug == show }.flatMap { show in
        show.episodes.indices.sorted { show.episodes[$0].date > show.episodes[$1].date }.map { index in
          let episode = show.episodes[index]
          return Row(show: show.slug, date: episode.date.iso8601, status: episode.status(at: now).rawValue,
                     title: episode.title, guid: episode.guid, file: episode.file)
        }
      }
      if let show, !catalogue.shows.contains(where: { $0.slug == show }), !loaded.gaps.unloaded.contains(show) {
        throw ValidationError("there is no show '\(show)'; shows: \(catalogue.shows.map(\.slug).joined(separator: ", "))")
      }
      // A show that loaded but whose folder could not be listed failed to load too: what the
      // checks across the catalogue say of it is listed with it.
      if catalogue.shows.contains(where: { loaded.gaps.unloaded.contains($0.slug) }) {
        loaded.findings += CatalogueValidator(catalogue: catalogue).validate()
        loaded.findings += MediaValidator(catalogue: catalogue).validate()
      }
      // What is there but fails to load (an episode file, a show.yaml, a name that isn't UTF-8) is
      // listed too, with its errors: left out, it would look as if it weren't there.
      let failures = loaded.findings.filter { finding in
        guard finding.severity == .error, let file = finding.location?.file, loaded.gaps.covers(file: file) else {
          return false
        }
        return show.map { $0 == LoadGaps.showFolder(of: file) } ?? true
      }
      let byFile = Dictionary(grouping: failures) { $0.location?.file ?? "" }
      let failed = byFile.keys.sorted().map { file in
        Row(show: LoadGaps.showFolder(of: file), date: "", status: "error", title: "", guid: "", file: file,
            errors: byFile[file, default: []].map(\.description))
      }
      switch format {
      case .json: print(try JSONOutput.string(rows + failed))
      case .text:
        print(table(rows + failed))
        if !failures.isEmpty { print("\n" + FindingPrinter(terminal: .standardOutput).text(failures)) }
      }
      if !failures.isEmpty { throw ExitCode.failure }
    }

    private func table(_ rows: [Row]) -> String {
      let terminal = Terminal.standardOutput
      let headers = ["SHOW", "DATE", "STATUS", "TITLE"]
      let cells = rows.map { [$0.show, String($0.date.prefix(16)), $0.status, $0.errors == nil ? $0.title : $0.file] }
      let widths = (0..<headers.count).map { column in
        ([headers[column]] + cells.map { $0[column] }).map(\.count).max() ?? 0
      }
      func line(_ values: [String]) -> String {
        // ASCII, the common case, is padded and trimmed here: Foundation's way, through NSString,
        // took a tenth of a list of 10,000 episodes. Anything else goes that way, as it always did.
        guard values.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else {
          return zip(values, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
            .trimmingCharacters(in: .whitespaces)
        }
        var bytes: [UInt8] = []
        for (index, (value, width)) in zip(values, widths).enumerated() {
          if index > 0 { bytes += [0x20, 0x20] }
          let utf8 = value.utf8.prefix(width)
          bytes += utf8
          bytes += repeatElement(0x20, count: width - utf8.count)
        }
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        let end = (bytes.lastIndex { !blank($0) }).map { $0 + 1 } ?? 0
        let start = bytes[..<end].firstIndex { !blank($0) } ?? end
        return String(decoding: bytes[start..<end], as: UTF8.self)
      }
      var lines = [terminal.paint(line(headers), .bold)]
      for (row, values) in zip(rows, cells) {
        let style: Terminal.Style =
          row.errors != nil ? .red : row.status == "published" ? .green : row.status == "scheduled" ? .yellow : .dim
        lines.append(terminal.paint(line(values), style))
      }
      return lines.joined(separator: "\n")
    }
  }
}
