import Foundation
import MediaProbe
import PodiumTestSupport
import Testing

/// Probing through ``MediaRanges`` (what an import does with media on a server) reads the same
/// truth as probing the file, in whole blocks, and within the limits it is given.
@Suite struct RangeProbeTests {
  /// Bytes in memory handed out in ranges, counting the calls and checking each stays in bounds.
  final class CountingRanges: MediaRanges {
    let bytes: [UInt8]
    private(set) var calls: [(offset: Int64, count: Int)] = []
    var size: Int64 { Int64(bytes.count) }

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    struct OutOfRange: Error {}

    func read(at offset: Int64, count: Int) throws -> [UInt8] {
      calls.append((offset, count))
      guard offset >= 0, count > 0, offset + Int64(count) <= size else { throw OutOfRange() }
      return Array(bytes[Int(offset)..<Int(offset) + count])
    }
  }

  static var fixtures: [String] {
    ["mp3", "mp4", "av", "img"].flatMap { folder in
      let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/\(folder)")
      let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
      return names.sorted().map { "\(folder)/\($0)" }
    }
  }

  /// Every sample file, truncated and damaged ones included, with blocks of the smallest size
  /// (many blocks, reads across their edges) and of the default: the same info, findings and all.
  @Test(arguments: fixtures, [4096, 64 * 1024]) func rangesGiveWhatTheFileGives(fixture: String, block: Int) throws {
    let path = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/\(fixture)").path
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    var limits = ProbeLimits()
    limits.rangeBlockSize = block
    let probe = MediaProbe(limits: limits)
    let ranges = CountingRanges(bytes)
    var fromRanges = probe.probe(ranges: ranges, name: path)
    var fromFile = probe.probe(path: path)
    #expect(fromRanges.bytesRead == ranges.calls.reduce(0) { $0 + Int64($1.count) })
    #expect(ranges.calls.allSatisfy { $0.offset % Int64(block) == 0 })
    (fromRanges.bytesRead, fromFile.bytesRead) = (0, 0)
    #expect(fromRanges == fromFile)
  }

  /// An hour-long MP3 without a duration header would be walked to its end; with the remote
  /// limits the walk stops at the budget and the duration is scaled from the frames read, and
  /// marked as estimated. Constant bit rate, so the estimate is right within a frame.
  @Test func aLongMP3WithoutHeaderIsEstimatedWithinTheBudget() throws {
    let bytes = [UInt8](SampleMedia.mp3(seconds: 3600))
    let ranges = CountingRanges(bytes)
    let info = MediaProbe(limits: .remote).probe(ranges: ranges, name: "long.mp3")
    let exact = MediaProbe().probe(bytes: bytes, name: "long.mp3")
    #expect(exact.durationEstimated == nil)
    #expect(info.durationEstimated == true)
    let duration = try #require(info.duration)
    #expect(abs(duration - (exact.duration ?? 0)) < 0.04, "\(duration) against \(exact.duration ?? 0)")
    #expect(ranges.calls.count <= ProbeLimits.remote.maximumRangeReads)
    #expect(info.bytesRead <= ProbeLimits.remote.maximumBytesRead)
    #expect(info.bytesRead < Int64(bytes.count) / 10)
    #expect(info.findings.contains { $0.ruleID == "PROBE-LIMIT" })
  }

  /// The size is the server's word (its Content-Length): one at the top of Int64, with real
  /// media at the start and zeros after, is probed within the budget, never an overflow when
  /// the blocks at its end are asked for.
  @Test(arguments: ["mp3", "wav", "mp4"], [Int64.max, Int64.max - 1, Int64.max - 70_000])
  func aHugeSizeIsNoCrash(format: String, size: Int64) throws {
    struct Huge: MediaRanges {
      let head: [UInt8]
      let size: Int64
      func read(at offset: Int64, count: Int) throws -> [UInt8] {
        (0..<Int64(count)).map { offset + $0 < Int64(head.count) ? head[Int(offset + $0)] : 0 }
      }
    }
    let head: [UInt8]
    switch format {
    case "mp3": head = [UInt8](SampleMedia.mp3(seconds: 2))
    case "wav": head = [UInt8](SampleMedia.wav(seconds: 1))
    default:
      let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/mp4")
      let name = try #require(try FileManager.default.contentsOfDirectory(atPath: url.path).sorted().first { $0.hasSuffix(".m4a") })
      head = try [UInt8](Data(contentsOf: url.appendingPathComponent(name)))
    }
    let info = MediaProbe(limits: .remote).probe(ranges: Huge(head: head, size: size), name: "huge.\(format)")
    #expect(info.bytesRead <= ProbeLimits.remote.maximumBytesRead)
  }

  /// A reader that fails is a finding, not a crash or a hang.
  @Test func aFailingReaderIsAFinding() {
    struct Broken: MediaRanges {
      struct Gone: Error, CustomStringConvertible { var description: String { "the server went away" } }
      var size: Int64 { 1_000_000 }
      func read(at offset: Int64, count: Int) throws -> [UInt8] { throw Gone() }
    }
    let info = MediaProbe(limits: .remote).probe(ranges: Broken(), name: "gone.mp3")
    #expect(info.findings.contains { $0.ruleID == "PROBE-UNREADABLE" && $0.message.contains("the server went away") })
  }
}
