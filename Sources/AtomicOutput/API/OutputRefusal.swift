/// Why Podium will not replace the folder it was given as output. Raised before anything is
/// written, so the folder and everything around it stay as they were.
public struct OutputRefusal: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Kind: Sendable, Hashable {
    /// The folder is one no build may replace: `/`, the home folder, the current folder or one
    /// of its ancestors, the system's temporary folder, or one overlapping the catalogue.
    case place
    /// The folder holds something Podium did not write.
    case foreign
  }

  public let kind: Kind
  /// The folder, as its real path.
  public let folder: String
  /// What is wrong and what to do, in the producer's terms.
  public let message: String

  public var description: String { message }
}
