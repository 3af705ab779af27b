/// The Chapters element: the first edition's chapter atoms (nested ones included), with start
/// and end times in nanoseconds and the first display string.
enum MatroskaChapters {
  static func read(_ body: EBMLBody, depth: Int, budget: inout EBMLBody.Budget) throws(EBMLError) -> [MediaChapter] {
    let editions = try body.children(in: 0..<body.bytes.count, depth: depth, budget: &budget)
    guard let edition = editions.first(where: { $0.element.id == MatroskaID.editionEntry }) else { return [] }
    var chapters: [MediaChapter] = []
    let atoms = try body.children(in: edition.range, depth: depth + 1, budget: &budget)
    try read(body, atoms, depth: depth + 2, budget: &budget, into: &chapters)
    return chapters.sorted { $0.start < $1.start }
  }

  /// Reads the chapter atoms among `siblings`, whose children sit at `depth`.
  private static func read(
    _ body: EBMLBody, _ siblings: [EBMLBody.Child], depth: Int, budget: inout EBMLBody.Budget,
    into chapters: inout [MediaChapter]
  ) throws(EBMLError) {
    for atom in siblings where atom.element.id == MatroskaID.chapterAtom {
      let fields = try body.children(in: atom.range, depth: depth, budget: &budget)
      var start: UInt64?
      var end: UInt64?
      var title: String?
      var hidden = false
      for field in fields {
        switch field.element.id {
        case MatroskaID.chapterTimeStart: start = body.uint(field)
        case MatroskaID.chapterTimeEnd: end = body.uint(field)
        case MatroskaID.chapterFlagHidden: hidden = body.uint(field) == 1
        case MatroskaID.chapterDisplay where title == nil:
          let display = try body.children(in: field.range, depth: depth + 1, budget: &budget)
          title = display.first { $0.element.id == MatroskaID.chapString }.map(body.string)
        default: break
        }
      }
      if let start, !hidden {
        chapters.append(MediaChapter(start: Double(start) / 1e9, end: end.map { Double($0) / 1e9 }, title: title))
      }
      try read(body, fields, depth: depth + 1, budget: &budget, into: &chapters)
    }
  }
}
