extension S3Store {
  /// How a bucket is named in request URLs.
  public enum Addressing: String, Sendable, Hashable {
    /// `https://endpoint/bucket/key`: what MinIO, SeaweedFS, Garage and Ceph expect by default.
    case path
    /// `https://bucket.endpoint/key`: what AWS S3 prefers and R2 and B2 accept.
    case virtualHosted
  }

  /// Limits and sizes; the defaults suit a producer's uplink to any S3-compatible service.
  public struct Limits: Sendable, Hashable {
    /// Files larger than this go up in parts of this size. S3 requires at least 5 MiB for every
    /// part but the last, and at most 10,000 parts; a larger part size is used when needed.
    public var partSize: Int64
    /// Tries for each request (and each part) when the server fails (5xx, 429) or the network does.
    public var attempts: Int
    /// Seconds before the second try; doubled for each further one.
    public var backoff: Double
    /// Seconds to open a connection.
    public var connectTimeout: Double
    /// Seconds of under a kilobyte a second before a transfer is given up as stalled.
    public var stallTimeout: Double
    /// Seconds for a request without a body to upload (listings, HEAD); uploads are bounded by
    /// the stall check only, since a large part on a slow line takes long.
    public var requestTimeout: Double

    public static let minimumPartSize: Int64 = 5 * 1024 * 1024

    public init(
      partSize: Int64 = 16 * 1024 * 1024, attempts: Int = 4, backoff: Double = 0.5, connectTimeout: Double = 10,
      stallTimeout: Double = 30, requestTimeout: Double = 60
    ) {
      self.partSize = partSize
      self.attempts = attempts
      self.backoff = backoff
      self.connectTimeout = connectTimeout
      self.stallTimeout = stallTimeout
      self.requestTimeout = requestTimeout
    }
  }
}
