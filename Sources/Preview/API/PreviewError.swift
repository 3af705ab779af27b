/// Why the preview server could not start: said in the producer's terms, with what to do.
public struct PreviewError: Error, Sendable, CustomStringConvertible {
  public var description: String

  init(_ description: String) { self.description = description }
}
