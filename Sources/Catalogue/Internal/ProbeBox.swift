import MediaProbe

/// Holds a probe result by reference: `MediaInfo` is large, and episodes are copied often.
final class ProbeBox: Sendable, Hashable, Codable {
  let info: MediaInfo

  init(_ info: MediaInfo) { self.info = info }

  static func == (lhs: ProbeBox, rhs: ProbeBox) -> Bool { lhs.info == rhs.info }
  func hash(into hasher: inout Hasher) { hasher.combine(info) }
}
