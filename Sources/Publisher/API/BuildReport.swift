import Catalogue
import Diagnostics

/// What a build or a validation found and did. The CLI prints it; tests inspect it.
public struct BuildReport: Sendable {
  public struct ShowSummary: Sendable, Hashable, Codable {
    public var slug: String
    public var title: String
    public var feedURL: String
    public var published: Int
    public var scheduled: Int
    public var drafts: Int
  }

  /// The next scheduled episode, so a cron job can rebuild when it goes live.
  public struct Scheduled: Sendable, Hashable, Codable {
    public var show: String
    public var title: String
    public var file: String
    public var date: Timestamp
  }

  /// How long each step took, in order, for `--timings` and the benchmark.
  public struct Timing: Sendable, Hashable {
    public var step: String
    public var seconds: Double
    /// The process's peak resident memory at the end of the step, in bytes.
    public var peakMemory: Int64
  }

  /// One URL checked by `validate --remote`.
  public struct RemoteCheck: Sendable, Hashable {
    public var url: String
    /// The final answer's status; nil when it came from the cache or no server answered.
    public var status: Int?
    /// Seconds until the first byte of the answer; nil when it came from the cache or failed.
    public var timeToFirstByte: Double?
    /// The findings were an earlier run's, kept in the cache; nothing was requested this time.
    public var fromCache: Bool

    public init(url: String, status: Int? = nil, timeToFirstByte: Double? = nil, fromCache: Bool = false) {
      self.url = url
      self.status = status
      self.timeToFirstByte = timeToFirstByte
      self.fromCache = fromCache
    }

    /// Checked this time, but no server answered: DNS, the connection or TLS failed, or time ran out.
    public var unanswered: Bool { !fromCache && status == nil }
  }

  public var findings: [Finding]
  public var timings: [Timing] = []
  /// The URLs `validate --remote` checked, in catalogue order.
  public var remote: [RemoteCheck] = []
  public var shows: [ShowSummary]
  public var nextScheduled: Scheduled?
  /// Paths written, relative to the output folder; empty when nothing was written.
  public var written: [String]

  public var hasErrors: Bool { findings.containsErrors }

  /// Whether the findings stop a build: errors always, warnings too when strict.
  public func blocksPublishing(strict: Bool) -> Bool {
    findings.contains { $0.severity == .error || (strict && $0.severity == .warning) }
  }

  /// Adds findings, keeping the report order.
  mutating func add(_ more: [Finding]) {
    guard !more.isEmpty else { return }
    findings = (findings + more).sortedForReport()
  }

  public init(findings: [Finding], shows: [ShowSummary] = [], nextScheduled: Scheduled? = nil, written: [String] = []) {
    self.findings = findings
    self.shows = shows
    self.nextScheduled = nextScheduled
    self.written = written
  }
}
