import Foundation
import LinkCheck

/// How `podium publish` runs, beyond the build's own options.
public struct PublishOptions: Sendable {
  /// Build and compare, but upload nothing and tell no one: the plan only.
  public var dryRun = false
  /// Overrides `publish.feed_cache_seconds`.
  public var feedCacheSeconds: Int?
  /// Uploads in flight at once.
  public var concurrentUploads = 4
  /// Whether to tell the WebSub hub and Podping about changed feeds.
  public var notify = true
  /// Where to reach a public base URL for the checks after upload, when it can't be reached by
  /// its own name yet (a new host not in DNS, or a test's server): `https://media.example.org/`
  /// → `http://127.0.0.1:8080/`. Empty: the public URLs themselves.
  public var checkThrough: [String: String] = [:]
  /// The Podping token (`PODPING_TOKEN` in the environment); Podping is skipped without one.
  public var podpingToken: String?
  /// Limits of the checks after upload and of the notifications.
  public var http = LinkCheckConfiguration(maximumConcurrent: 4, connectTimeout: 10, totalTimeout: 30)

  public init() {}
}
