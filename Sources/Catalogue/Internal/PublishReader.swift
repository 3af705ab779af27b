import Foundation

/// Reads `publish:` in `podium.yaml`. Each bad value is a finding at its line; the rest still applies.
enum PublishReader {
  static let keys = [
    "bucket", "prefix", "endpoint", "region", "addressing", "feed_cache_seconds", "media_folder", "feeds_folder",
    "websub_hub", "podping", "podping_endpoint", "part_size_mib",
  ]

  static func read(_ reader: MappingReader) -> PublishSettings {
    var settings = PublishSettings()
    if let bucket = reader.string("bucket") {
      if isBucketName(bucket) {
        settings.bucket = bucket
      } else {
        reader.report(
          CatalogueRules.badValue,
          "'publish.bucket' '\(bucket)' is not an S3 bucket name: 3 to 63 lower-case letters, digits, dots and hyphens, "
            + "starting and ending with a letter or digit", key: "bucket")
      }
    }
    settings.prefix = folder(reader, "prefix") ?? ""
    settings.mediaFolder = folder(reader, "media_folder")
    settings.feedsFolder = folder(reader, "feeds_folder")
    if let endpoint = reader.string("endpoint") {
      if isEndpoint(endpoint) {
        settings.endpoint = endpoint
      } else {
        reader.report(
          CatalogueRules.badValue,
          "'publish.endpoint' must be the https URL of an S3 server, such as https://s3.eu-central-1.amazonaws.com "
            + "(http:// only for one on this machine), not '\(endpoint)'", key: "endpoint")
      }
    }
    if let region = reader.string("region") {
      if !region.isEmpty, region.count <= 64, region.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
        settings.region = region
      } else {
        reader.report(
          CatalogueRules.badValue, "'publish.region' must be a region name such as eu-central-1, not '\(region)'",
          key: "region")
      }
    }
    settings.addressing = reader.enumeration("addressing", PublishSettings.Addressing.self)
    settings.feedCacheSeconds = reader.positiveInt("feed_cache_seconds") ?? PublishSettings.defaultFeedCacheSeconds
    settings.websubHub = serviceURL(reader, "websub_hub")
    settings.podping = reader.bool("podping") ?? false
    settings.podpingEndpoint = serviceURL(reader, "podping_endpoint") ?? PublishSettings.defaultPodpingEndpoint
    settings.partSizeMiB = partSize(reader)
    return settings
  }

  /// A part size S3 would not take is a finding at its line, not quietly changed by the S3 client.
  private static func partSize(_ reader: MappingReader) -> Int? {
    guard let mib = reader.positiveInt("part_size_mib") else { return nil }
    let range = PublishSettings.partSizeMiBRange
    guard range.contains(mib) else {
      reader.report(
        CatalogueRules.badValue,
        "'publish.part_size_mib' must be between \(range.lowerBound) and \(range.upperBound) (5 MiB to 5 GiB, the part "
          + "sizes S3 accepts), not \(mib)", key: "part_size_mib")
      return nil
    }
    return mib
  }

  /// A folder inside the store: `/`-separated names, without `.` or `..`, backslashes or control characters.
  private static func folder(_ reader: MappingReader, _ key: String) -> String? {
    guard let text = reader.string(key) else { return nil }
    let names = text.split(separator: "/", omittingEmptySubsequences: true)
    guard !names.contains(where: { $0 == "." || $0 == ".." }),
      !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" })
    else {
      reader.report(
        CatalogueRules.badValue,
        "'publish.\(key)' must be a folder inside the bucket such as podcast/media, without '.', '..', backslashes "
          + "or control characters, not '\(text)'", key: key)
      return nil
    }
    return names.joined(separator: "/")
  }

  /// S3's rules for bucket names (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
  static func isBucketName(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    guard (3...63).contains(bytes.count) else { return false }
    func isAlphanumeric(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }
    guard let first = bytes.first, let last = bytes.last, isAlphanumeric(first), isAlphanumeric(last) else { return false }
    return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
      && !name.contains("..")
  }

  /// An https URL; plain http only on this machine (a hub run for development, or a test's).
  private static func serviceURL(_ reader: MappingReader, _ key: String) -> String? {
    guard let text = reader.string(key) else { return nil }
    if let components = URLComponents(string: text), components.scheme == "http", isEndpoint(text) {
      return text
    }
    return reader.httpsURL(key)
  }

  /// An https URL without query or fragment; plain http only on this machine, as anyone on the
  /// way could read or alter what goes over it.
  private static func isEndpoint(_ text: String) -> Bool {
    guard !text.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }), let components = URLComponents(string: text),
      let host = components.host, !host.isEmpty, components.query == nil, components.fragment == nil
    else { return false }
    return components.scheme == "https"
      || (components.scheme == "http" && ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host))
  }
}
