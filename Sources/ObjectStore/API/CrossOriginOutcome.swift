/// What `ObjectStore.allowCrossOriginReads()` did.
public enum CrossOriginOutcome: Sendable, Hashable {
  /// The store now answers cross-origin GET and HEAD.
  case configured
  /// The store could not be configured; the text says what the producer must set up instead.
  case notPossible(instructions: String)
}
