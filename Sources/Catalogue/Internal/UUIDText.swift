/// A UUID in its 8-4-4-4-12 hex form, in either case: a `podcast:guid`, the show's or another feed's.
enum UUIDText {
  static func isUUID(_ text: String) -> Bool {
    text.count == 36 && text.split(separator: "-", omittingEmptySubsequences: false).map(\.count) == [8, 4, 4, 4, 12]
      && text.allSatisfy { $0.isHexDigit || $0 == "-" }
  }
}
