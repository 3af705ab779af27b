/// A moment with the UTC offset it was written with, so feeds can show the producer's local time.
public struct Timestamp: Sendable, Hashable, Comparable, Codable {
  /// Seconds since 1970-01-01T00:00:00Z.
  public var seconds: Int64
  /// The offset from UTC in seconds, as written (`+01:00` is 3600).
  public var offset: Int

  public init(seconds: Int64, offset: Int) {
    self.seconds = seconds
    self.offset = offset
  }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }

  /// Parses ISO 8601 with a zone: `2024-03-14T09:00:00+01:00`, `…Z`, seconds optional.
  public static func parse(_ text: String) -> Timestamp? { ISO8601Parser.parse(text) }

  /// `2024-03-14T09:00:00+01:00`
  public var iso8601: String { CivilTime(self).iso8601 }

  /// RFC 2822 with an English weekday computed from the date: `Thu, 14 Mar 2024 09:00:00 +0100`.
  public var rfc2822: String { CivilTime(self).rfc2822 }

  /// The local date as written, `2024-03-14`.
  public var localDate: String { CivilTime(self).dateString }
}
