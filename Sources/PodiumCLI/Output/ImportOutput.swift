import Importer

/// `podium import`'s report as text: what was written, each episode's losses, and what to do at
/// the old host to finish the move.
enum ImportOutput {
  static func text(_ report: ImportReport) -> String {
    var lines: [String] = []
    lines.append("imported '\(report.title)' from \(report.source) into \(report.show)/: \(report.episodes.count) episodes")
    let origin = report.podcastGUIDSource == "feed" ? "kept from the feed" : "computed from \(report.podcastGUIDSource)"
    lines.append("podcast:guid \(report.podcastGUID) (\(origin))")
    if !report.record.isEmpty {
      lines.append("seeded \(report.record): every GUID and enclosure URL is guarded from the first build")
    }
    for note in report.showNotes { lines.append("note: \(note)") }
    for loss in report.showLosses { lines.append(describe(loss, in: "show")) }
    for duplicate in report.duplicates {
      let renamed = duplicate.renamed.sorted { $0.key < $1.key }.map { "'\($0.key)' now has \($0.value)" }
      lines.append("duplicate GUID \(duplicate.guid): '\(duplicate.kept)' keeps it; \(renamed.joined(separator: ", "))")
    }
    for episode in report.episodes where !episode.losses.isEmpty || !episode.notes.isEmpty {
      lines.append("")
      lines.append("\(episode.file) (guid \(episode.guid))")
      for loss in episode.losses { lines.append(describe(loss, in: "  ")) }
      for note in episode.notes { lines.append("  note: \(note)") }
    }
    lines.append("")
    lines.append(report.lossCount == 0
      ? "nothing was lost"
      : "\(report.lossCount) thing(s) the catalogue does not hold as the old feed had them, listed above")
    lines.append("")
    lines.append("To finish the move:")
    for (index, step) in report.nextSteps.enumerated() { lines.append("\(index + 1). \(step)") }
    return lines.joined(separator: "\n")
  }

  private static func describe(_ loss: ImportLoss, in prefix: String) -> String {
    let line = loss.line.map { " (feed line \($0))" } ?? ""
    return (prefix == "show" ? "" : prefix) + "lost: \(loss.element)\(line): \(loss.detail)"
  }
}
