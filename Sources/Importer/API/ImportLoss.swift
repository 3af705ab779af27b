/// Something in the old feed the catalogue does not hold as it was: named, never dropped silently.
public struct ImportLoss: Sendable, Hashable, Codable {
  /// The element (`podcast:soundbite`) or attribute (`podcast:alternateEnclosure@bitrate`), as the
  /// feed conventionally spells it.
  public var element: String
  /// What happened to it, and what to do if it matters.
  public var detail: String
  /// The line in the old feed.
  public var line: Int?

  public init(_ element: String, _ detail: String, line: Int? = nil) {
    self.element = element
    self.detail = detail
    self.line = line
  }
}
