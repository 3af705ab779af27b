import ObjectStore

/// What `podium publish` found, planned and did. The CLI prints it; tests inspect it.
public struct PublishReport: Sendable {
  /// Why the publish stopped: the object concerned and what the store or server said.
  public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
    public var key: String?
    public var message: String
    public var description: String { message }
  }

  /// A WebSub or Podping notification and how it went.
  public struct Notification: Sendable, Hashable {
    public enum Service: String, Sendable, Hashable { case websub, podping }
    public var service: Service
    public var feedURL: String
    /// Nil when it was accepted; otherwise what went wrong (a warning, never a failed publish).
    public var problem: String?
  }

  /// The checks of `build`: when they block, nothing was planned or uploaded.
  public var build: BuildReport
  /// The store, as `s3://bucket/prefix` or a folder.
  public var location: String
  /// Every file, in upload order, each to upload or skip. Empty when the build blocked.
  public var items: [PublishItem] = []
  public var dryRun = false
  public var failure: Failure?
  /// Keys uploaded, in the order they completed.
  public var uploaded: [String] = []
  /// Things the producer should know that did not stop the publish: an unreachable public host,
  /// cross-origin reads to set up by hand, a failed notification.
  public var warnings: [String] = []
  public var crossOrigin: CrossOriginOutcome?
  public var notifications: [Notification] = []

  public init(build: BuildReport, location: String) {
    self.build = build
    self.location = location
  }

  /// The build's checks passed and every upload and check after it did too.
  public var succeeded: Bool { failure == nil && !blockedByBuild }
  /// Set when the build's findings stopped the publish before anything was planned.
  public var blockedByBuild = false

  public var toUpload: [PublishItem] { items.filter { $0.action == .upload } }
  public var bytesToUpload: Int64 { toUpload.reduce(0) { $0 + $1.size } }
}
