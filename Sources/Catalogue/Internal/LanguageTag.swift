/// A light BCP 47 check: a two- or three-letter language, then optional subtags
/// (`nl`, `nl-BE`, `zh-Hant-TW`). Apple wants ISO 639 with an optional region.
enum LanguageTag {
  static func isValid(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return false }
    return parts.dropFirst().allSatisfy { part in
      (2...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
  }
}
