import Catalogue

extension OutputRenderer.Result {
  /// Puts the shows `validate` took from the show cache (``ShowCache``) among those it rendered:
  /// their stored findings with the rendering's, and their checked outputs, with the findings
  /// stored for them, in the catalogue's order, where a render of every show puts them (which of
  /// two findings repeated across outputs is kept depends on that order).
  mutating func insert(_ taken: [String: ShowCache.Record], in catalogue: Catalogue) {
    let order = Dictionary(catalogue.shows.enumerated().map { ($1.slug, $0) }) { first, _ in first }
    var outputs: [(show: Int, index: Int, output: CheckedOutput)] = checked.enumerated().map { index, output in
      (order[String(output.path.prefix { $0 != "/" })] ?? Int.max, index, output)
    }
    for (show, entry) in catalogue.shows.enumerated() {
      guard let record = taken[entry.slug] else { continue }
      findings += record.rendered
      outputs += record.checked.enumerated().map { (show, $0, $1.output) }
    }
    checked = outputs.sorted { ($0.show, $0.index) < ($1.show, $1.index) }.map(\.output)
  }
}

extension ShowCache.Checked {
  /// The output as checked, its findings known without reading it.
  var output: CheckedOutput {
    var output = CheckedOutput(path: path, file: file, size: size, rules: .feed(.podcast))
    output.known = findings
    if preview { output.preview = findings }
    return output
  }
}
