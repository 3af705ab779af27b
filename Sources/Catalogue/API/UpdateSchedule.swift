/// The machine-readable part of `podcast:updateFrequency`: an RFC 5545 recurrence rule.
/// https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/update-frequency.md
public struct UpdateSchedule: Sendable, Hashable, Codable {
  /// `FREQ=WEEKLY;BYDAY=TH`.
  public var rrule: String?
  /// When the rule starts counting; required with COUNT.
  public var dtstart: Timestamp?
  /// No more episodes will come.
  public var complete: Bool

  public init(rrule: String?, dtstart: Timestamp? = nil, complete: Bool = false) {
    self.rrule = rrule
    self.dtstart = dtstart
    self.complete = complete
  }
}
