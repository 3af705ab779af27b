import Diagnostics

/// Native FLAC (RFC 9639): the metadata blocks at the start, then one bounded read of the last
/// frames to check that the file ends with a whole frame and holds the samples STREAMINFO promises.
enum FLACParser: FormatParser {
  static let container = Container.flac
  static let magic: [UInt8] = [0x66, 0x4C, 0x61, 0x43]
  /// The tail read when STREAMINFO doesn't give the largest frame.
  static let defaultTail = 32 * 1024
  static let maximumTail = 128 * 1024

  static func matches(_ head: [UInt8]) -> Bool { head.starts(with: magic) }

  static func parse(_ source: some ByteSource, into info: inout MediaInfo, limits: ProbeLimits) throws(ProbeFailure) {
    let location = SourceLocation(file: info.path)
    var window = ReadAheadWindow(source, chunk: 8 * 1024)
    let start = try ContentStart.find(&window, magic: magic, format: "FLAC", into: &info)
    let metadata = try FLACMetadata(&window, start: start, location: location)
    info.findings += metadata.findings
    info.mimeType = "audio/flac"
    info.codecs = ["flac"]
    info.tags = metadata.tags
    info.artwork = metadata.artwork
    guard let streamInfo = metadata.streamInfo else { return }
    info.sampleRate = streamInfo.sampleRate
    info.channels = streamInfo.channels
    info.duration = streamInfo.duration
    if let audioStart = metadata.audioStart {
      try checkFrames(&window, from: audioStart, streamInfo: streamInfo, into: &info, location: location)
    }
    var track = Track(kind: .audio)
    track.codec = "flac"
    track.sampleRate = streamInfo.sampleRate
    track.channels = streamInfo.channels
    track.duration = info.duration
    info.tracks = [track]
    info.bitrate = AverageBitrate.of(bytes: info.size, seconds: info.duration)
  }

  /// Checks the first frame header and the last frame, and takes the duration from the frames
  /// when they disagree with STREAMINFO.
  private static func checkFrames(
    _ window: inout ReadAheadWindow<some ByteSource>, from audioStart: Int64, streamInfo: FLACStreamInfo,
    into info: inout MediaInfo, location: SourceLocation
  ) throws(ProbeFailure) {
    let first = try window.bytes(at: audioStart, count: 16)
    guard FLACFrameHeader(first) != nil else {
      info.findings.append(
        first.isEmpty
          ? ProbeRules.truncated.finding(
            "the file ends at byte \(audioStart), right after the metadata, with no audio frames: it was cut short; upload it again",
            at: location)
          : ProbeRules.malformed.finding(
            "no FLAC frame at byte \(audioStart), where the metadata ends; the file is damaged, re-encode it",
            at: location))
      if first.isEmpty { info.duration = 0 }
      return
    }
    let wanted = streamInfo.maximumFrameSize > 0 ? 2 * streamInfo.maximumFrameSize + 192 : defaultTail
    let tailStart = max(audioStart, window.fileSize - Int64(min(wanted, maximumTail)))
    var tail = try window.bytes(at: tailStart, count: Int(window.fileSize - tailStart), readAhead: 0)
    // Some taggers append an ID3v1 tag, which decoders skip.
    if tail.count > 128, tail.dropLast(125).suffix(3).elementsEqual([0x54, 0x41, 0x47]) { tail = tail.dropLast(128) }
    let audioEnd = tailStart + Int64(tail.count)
    let rate = Double(streamInfo.sampleRate)
    switch FLACLastFrame.examine(tail, base: tailStart, streamInfo: streamInfo) {
    case .complete(let samples):
      guard streamInfo.totalSamples != samples, rate > 0 else { return }
      info.duration = Double(samples) / rate
      if streamInfo.totalSamples > samples {
        info.findings.append(ProbeRules.truncated.finding(
          "STREAMINFO promises \(streamInfo.totalSamples) samples but the frames end after \(samples) (\(seconds(samples, rate)) s) at byte \(audioEnd): the file was cut short; upload it again",
          at: location))
      } else if streamInfo.totalSamples > 0 {
        info.findings.append(ProbeRules.headerDisagrees.finding(
          "STREAMINFO says \(streamInfo.totalSamples) samples but the frames hold \(samples); the duration comes from the frames; re-encode to fix the header",
          at: location))
      }
    case .cut(let offset, let samples):
      info.findings.append(ProbeRules.truncated.finding(
        "the last frame (byte \(offset)) runs past the end of the file at byte \(audioEnd): it was cut short after \(seconds(samples, rate)) s; upload it again",
        at: location))
      if rate > 0 { info.duration = Double(samples) / rate }
    case .unknown:
      break
    }
  }

  private static func seconds(_ samples: Int64, _ rate: Double) -> String {
    let milliseconds = (Double(samples) / rate * 1000).rounded()
    return rate > 0 && milliseconds.isFinite ? String(milliseconds / 1000) : "?"
  }
}
