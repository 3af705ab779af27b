import Catalogue
import Foundation
import ObjectStore

/// Which store `podium publish` uploads to: `--to` and the S3 options (endpoint, region, part size)
/// over `publish:` in `podium.yaml`. Credentials only ever come from the environment.
struct StoreTarget {
  var to: String?
  var endpoint: String?
  var region: String?
  var partSizeMiB: Int?
  var catalogue: URL

  /// `s3://bucket/prefix` as its bucket and prefix.
  static func parse(_ text: String) -> (bucket: String, prefix: String)? {
    guard text.hasPrefix("s3://") else { return nil }
    let rest = text.dropFirst("s3://".count)
    let bucket = String(rest.prefix { $0 != "/" })
    guard !bucket.isEmpty else { return nil }
    return (bucket, PublishSettings.folder(String(rest.dropFirst(bucket.count))))
  }

  func makeStore(_ configured: PublishSettings) throws(ObjectStoreError) -> any ObjectStore {
    var settings = configured
    if let to {
      guard let (bucket, prefix) = Self.parse(to) else {
        return try DirectoryStore(folder: URL(fileURLWithPath: to), catalogue: catalogue)
      }
      settings.bucket = bucket
      settings.prefix = prefix
    }
    if let endpoint { settings.endpoint = endpoint }
    if let region { settings.region = region }
    if let partSizeMiB { settings.partSizeMiB = partSizeMiB }
    guard let bucket = settings.bucket else {
      throw ObjectStoreError(
        kind: .noSuchContainer,
        message: "no place to publish to: give --to s3://bucket/prefix or --to DIR, or set publish.bucket in podium.yaml")
    }
    return try Self.s3(bucket: bucket, settings: settings, environment: ProcessInfo.processInfo.environment)
  }

  /// The S3 client, built from the settings and the environment's credentials. Without an
  /// endpoint, AWS's own for the region.
  static func s3(bucket: String, settings: PublishSettings, environment: [String: String]) throws(ObjectStoreError)
    -> any ObjectStore
  {
    let region = settings.region ?? "us-east-1"
    let endpoint = settings.endpoint ?? "https://s3.\(region).amazonaws.com"
    let virtual = (settings.addressing ?? (settings.endpoint == nil ? .virtual : .path)) == .virtual
    var limits = S3Store.Limits()
    if let mib = settings.partSizeMiB { limits.partSize = Int64(mib) << 20 }
    return try S3Store(
      bucket: bucket, prefix: settings.prefix, endpoint: endpoint, region: region,
      addressing: virtual ? .virtualHosted : .path, credentials: try S3Credentials.fromEnvironment(environment),
      limits: limits)
  }
}
