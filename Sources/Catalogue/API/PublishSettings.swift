/// Where and how `podium publish` uploads, from `publish:` in `podium.yaml` (docs/publishing.md).
/// Credentials are never here: they come from the environment only.
public struct PublishSettings: Sendable, Hashable, Codable {
  /// How an S3 client names the bucket: in the path (`https://endpoint/bucket/key`, what MinIO,
  /// SeaweedFS and Garage expect) or in the host name (`https://bucket.endpoint/key`, AWS's default).
  public enum Addressing: String, Sendable, Hashable, Codable, CaseIterable {
    case path
    case virtual
  }

  /// The S3 bucket; nil when publishing to a folder (`--to DIR`) or not configured.
  public var bucket: String?
  /// Keys start with this folder inside the bucket (no leading or trailing `/`), or "" for none.
  public var prefix: String
  /// The S3 endpoint URL (`https://s3.eu-central-1.amazonaws.com`, `http://127.0.0.1:8333`).
  public var endpoint: String?
  public var region: String?
  /// Nil: `path`, except on AWS's own endpoint (no `endpoint` given), where it is `virtual`.
  public var addressing: Addressing?
  /// `max-age` of feeds, sitemaps, the video index and the OPML: how long a CDN or an app may keep
  /// an old copy after a publish.
  public var feedCacheSeconds: Int
  /// Where `media_base_url`'s files go inside the store, relative to its prefix; nil to derive
  /// it from the URLs (they must then share a host).
  public var mediaFolder: String?
  /// Where `base_url`'s files go inside the store; nil to derive it.
  public var feedsFolder: String?
  /// A WebSub hub (https://www.w3.org/TR/websub/): named in every feed and told after a publish.
  public var websubHub: String?
  /// Whether to send a Podping (https://podping.cloud/) for each changed feed after a publish.
  public var podping: Bool
  /// The Podping HTTP endpoint.
  public var podpingEndpoint: String
  /// Files larger than this many MiB go up to S3 in parts of this size; nil for the client's own
  /// default. Within ``partSizeMiBRange``.
  public var partSizeMiB: Int?

  public static let defaultFeedCacheSeconds = 300
  public static let defaultPodpingEndpoint = "https://podping.cloud/"
  /// S3's bounds on a part of a multipart upload: at least 5 MiB (all but the last) and at most
  /// 5 GiB (https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html). Its third bound,
  /// 10,000 parts, depends on the file: the S3 client takes larger parts for a file that needs them.
  public static let partSizeMiBRange = 5...5 * 1024

  public init(
    bucket: String? = nil, prefix: String = "", endpoint: String? = nil, region: String? = nil,
    addressing: Addressing? = nil, feedCacheSeconds: Int = PublishSettings.defaultFeedCacheSeconds,
    mediaFolder: String? = nil, feedsFolder: String? = nil, websubHub: String? = nil, podping: Bool = false,
    podpingEndpoint: String = PublishSettings.defaultPodpingEndpoint, partSizeMiB: Int? = nil
  ) {
    self.bucket = bucket
    self.prefix = prefix
    self.endpoint = endpoint
    self.region = region
    self.addressing = addressing
    self.feedCacheSeconds = feedCacheSeconds
    self.mediaFolder = mediaFolder
    self.feedsFolder = feedsFolder
    self.websubHub = websubHub
    self.podping = podping
    self.podpingEndpoint = podpingEndpoint
    self.partSizeMiB = partSizeMiB
  }

  /// `a/b/` or ` /a/b` as `a/b`: the form keys are joined with.
  public static func folder(_ text: String) -> String {
    text.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
  }
}
