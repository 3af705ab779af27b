/// The Tags element: simple tags that apply to the whole file (no track, chapter or attachment
/// target, and at the album/movie level or unset), by MediaInfo's common names.
enum MatroskaTags {
  static let names: [String: String] = [
    "TITLE": "title", "ARTIST": "artist", "COMMENT": "comment", "DESCRIPTION": "comment", "DATE_RELEASED": "date",
    "DATE_RECORDED": "date", "GENRE": "genre",
  ]

  static func read(_ body: EBMLBody, depth: Int, budget: inout EBMLBody.Budget, into tags: inout [String: String])
    throws(EBMLError)
  {
    for tag in try body.children(in: 0..<body.bytes.count, depth: depth, budget: &budget)
    where tag.element.id == MatroskaID.tag {
      let fields = try body.children(in: tag.range, depth: depth + 1, budget: &budget)
      if let targets = fields.first(where: { $0.element.id == MatroskaID.targets }),
        try !appliesToFile(body, targets, depth: depth + 2, budget: &budget)
      {
        continue
      }
      for simple in fields where simple.element.id == MatroskaID.simpleTag {
        var name: String?
        var value: String?
        for field in try body.children(in: simple.range, depth: depth + 2, budget: &budget) {
          if field.element.id == MatroskaID.tagName { name = body.string(field).uppercased() }
          if field.element.id == MatroskaID.tagString { value = body.string(field) }
        }
        if let name, let key = names[name], let value, tags[key] == nil { tags[key] = value }
      }
    }
  }

  /// A target with only a TargetTypeValue of 50 (or none) covers the whole file; any UID narrows it.
  private static func appliesToFile(_ body: EBMLBody, _ targets: EBMLBody.Child, depth: Int, budget: inout EBMLBody.Budget)
    throws(EBMLError) -> Bool
  {
    try body.children(in: targets.range, depth: depth, budget: &budget).allSatisfy { field in
      field.element.id == MatroskaID.targetTypeValue ? body.uint(field) == 50 : field.element.id == 0x63CA
    }
  }
}
