/// A light BCP 47 (RFC 3066's successor) check for `lang` attributes: a two- or three-letter
/// language, then optional subtags of letters and digits (`nl`, `nl-BE`, `zh-Hant-TW`).
enum LanguageTag {
  static func isValid(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count), first.utf8.allSatisfy(\.isASCIILetter) else {
      return false
    }
    return parts.dropFirst().allSatisfy {
      (1...8).contains($0.count) && $0.utf8.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit }
    }
  }
}
