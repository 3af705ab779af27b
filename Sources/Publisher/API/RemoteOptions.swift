import Foundation
import LinkCheck

/// How `validate --remote` checks the servers behind the catalogue's URLs.
public struct RemoteOptions: Sendable {
  public var configuration: LinkCheckConfiguration
  /// Seconds a result stays fresh in the cache; 0 checks every URL again.
  public var cacheLifetime: Double
  /// Where results are cached; the user's cache folder when nil.
  public var cacheFile: URL?
  /// Called as URLs finish, with URLs done and the total, for a progress bar.
  public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

  public init(
    configuration: LinkCheckConfiguration = LinkCheckConfiguration(), cacheLifetime: Double = 3600,
    cacheFile: URL? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) {
    self.configuration = configuration
    self.cacheLifetime = cacheLifetime
    self.cacheFile = cacheFile
    self.progress = progress
  }
}
