import Foundation
import LinkCheck

/// What is left of an import's ``ImportLimits`` for the network, spent as files arrive. Each
/// request is given at most the time and bytes left, so the last one can't overrun either.
final class FetchBudget {
  let limits: ImportLimits
  private let clock = ContinuousClock()
  private let deadline: ContinuousClock.Instant
  private(set) var bytesLeft: Int
  /// Bytes of media the duration probes may still read (``ImportLimits/maximumProbeBytes``).
  private(set) var probeBytesLeft: Int64

  init(_ limits: ImportLimits) {
    self.limits = limits
    // Under 0 (or not a number) is none; over about 30 years, as good as endless.
    let seconds = limits.maximumNetworkSeconds > 0 ? min(limits.maximumNetworkSeconds, 1e9) : 0
    deadline = clock.now.advanced(by: .milliseconds(Int64((seconds * 1000).rounded(.down))))
    bytesLeft = max(0, limits.maximumSideBytes)
    probeBytesLeft = max(0, limits.maximumProbeBytes)
  }

  var secondsLeft: Double {
    let left = clock.now.duration(to: deadline).components
    return max(0, Double(left.seconds) + Double(left.attoseconds) / 1e18)
  }

  /// Less time than this left is none: no request would finish in it.
  static let shortestRequest = 0.5

  /// Why no more time is left, in the report's words.
  var timeSpent: String? {
    secondsLeft >= Self.shortestRequest ? nil : "\(timeName) are spent \(timeHint)"
  }

  var timeAllowed: String { "\(timeName) \(timeHint)" }
  private var timeName: String { "the import's \(Self.format(limits.maximumNetworkSeconds)) s for the network" }
  private let timeHint = "(raise them with --network-seconds)"

  /// Why nothing more can be fetched, or nil.
  var spent: String? {
    if let timeSpent { return timeSpent }
    return bytesLeft > 0 ? nil : bytesSpent
  }

  var bytesSpent: String { "\(bytesName) are spent \(bytesHint)" }
  var bytesAllowed: String { "\(bytesName) \(bytesHint)" }
  private var bytesName: String { "the import's \(Self.mebibytes(limits.maximumSideBytes)) MiB for chapters and transcripts" }
  private let bytesHint = "(raise them with --max-fetch-mib)"

  static func mebibytes(_ bytes: Int) -> String {
    let value = Double(bytes) / (1024 * 1024)
    return value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
  }

  /// `configuration` with its timeouts cut to the time left.
  func configuration(_ base: LinkCheckConfiguration) -> LinkCheckConfiguration {
    var configuration = base
    let left = secondsLeft
    configuration.totalTimeout = min(configuration.totalTimeout, left)
    configuration.connectTimeout = min(configuration.connectTimeout, left)
    return configuration
  }

  func spend(_ bytes: Int) { bytesLeft = max(0, bytesLeft - bytes) }

  /// Counts what a batch of probes read; called on the importing thread once the batch is done.
  func spendOnProbes(_ bytes: Int64) { probeBytesLeft = max(0, probeBytesLeft - bytes) }

  /// Why no more media is probed, or nil.
  var probeBytesSpent: String? {
    probeBytesLeft > 0 ? nil : "the import's \(Self.mebibytes(Int(limits.maximumProbeBytes))) MiB for reading media are spent"
  }

  static func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
  }
}
