import Diagnostics

/// WAVE audio in RIFF, RIFX (big-endian) or RF64/BW64 (64-bit sizes): the format, the data
/// chunk's size against the file, and INFO tags. Reads the chunk headers only.
enum WAVParser: FormatParser {
  static let container = Container.wav
  static let magics: [[UInt8]] = ["RIFF", "RIFX", "RF64", "BW64"].map { Array($0.utf8) }

  static func matches(_ head: [UInt8]) -> Bool {
    head.count >= 12 && magics.contains { head.starts(with: $0) } && head[8..<12].elementsEqual("WAVE".utf8)
  }

  static func parse(_ source: some ByteSource, into info: inout MediaInfo, limits: ProbeLimits) throws(ProbeFailure) {
    let location = SourceLocation(file: info.path)
    var window = ReadAheadWindow(source, chunk: 4096)
    let head = try window.bytes(at: 0, count: 4)
    let start = try ContentStart.find(&window, magic: magics.first { head.elementsEqual($0) } ?? magics[0], format: "WAV", into: &info)
    var chunks = try WAVChunks(&window, start: start, location: location)
    info.findings += chunks.findings
    info.mimeType = "audio/wav"
    info.tags = chunks.tags
    checkRIFFSize(&chunks, into: &info, start: start, location: location)
    guard let format = chunks.format else {
      info.findings.append(ProbeRules.malformed.finding(
        "there is no 'fmt ' chunk, so the audio format is unknown; re-encode the file", at: location))
      return
    }
    info.codecs = [format.codec]
    info.sampleRate = format.sampleRate
    info.channels = format.channels
    guard chunks.dataOffset != nil else {
      if !chunks.endReported {
        info.findings.append(ProbeRules.malformed.finding(
          "there is no 'data' chunk, so the file holds no audio; re-encode it", at: location))
      }
      return
    }
    info.duration = duration(format, chunks)
    if info.duration == nil {
      info.findings.append(ProbeRules.malformed.finding(
        "the 'fmt ' chunk gives sample rate \(format.sampleRate), block align \(format.blockAlign) and byte rate \(format.byteRate), too little to time the audio; re-encode the file",
        at: location))
    }
    if format.isUncompressed, format.byteRate > 0 {
      info.bitrate = format.byteRate * 8
    } else {
      info.bitrate = AverageBitrate.of(bytes: chunks.dataPresent, seconds: info.duration)
    }
    var track = Track(kind: .audio)
    track.codec = format.codec
    track.sampleRate = format.sampleRate
    track.channels = format.channels
    track.duration = info.duration
    info.tracks = [track]
  }

  /// Uncompressed audio is timed by its sample frames; compressed audio by `fact` when the data
  /// is whole, else by its byte rate.
  private static func duration(_ format: WAVFormat, _ chunks: WAVChunks) -> Double? {
    guard format.sampleRate > 0 else { return nil }
    if format.isUncompressed, format.blockAlign > 0 {
      return Double(chunks.dataPresent / Int64(format.blockAlign)) / Double(format.sampleRate)
    }
    if let samples = chunks.sampleCount, chunks.dataPresent == chunks.dataClaimed {
      return Double(samples) / Double(format.sampleRate)
    }
    return format.byteRate > 0 ? Double(chunks.dataPresent) / Double(format.byteRate) : nil
  }

  /// The RIFF header's size should be the file's less 8: more means the file was cut short (unless
  /// a chunk said so already), less means junk follows.
  private static func checkRIFFSize(_ chunks: inout WAVChunks, into info: inout MediaInfo, start: Int64, location: SourceLocation) {
    guard !chunks.endReported else { return }
    let claimedEnd = start + 8 + chunks.riffSize
    if !chunks.isRF64, chunks.riffSize == WAVChunks.placeholder || chunks.riffSize == 0 {
      info.findings.append(ProbeRules.headerDisagrees.finding(
        "the RIFF header's size is the placeholder \(chunks.riffSize) a streaming encoder writes; rewrite the header (ffmpeg -i IN -c copy OUT.wav)",
        at: location))
    } else if claimedEnd > info.size {
      info.findings.append(ProbeRules.truncated.finding(
        "the RIFF header claims \(claimedEnd) bytes but the file has \(info.size): it was cut short; upload it again",
        at: location))
    } else if claimedEnd + 1 < info.size {
      info.findings.append(ProbeRules.garbage.finding(
        "the RIFF chunk ends at byte \(claimedEnd) but the file has \(info.size - claimedEnd) more bytes; remove them or fix the header",
        at: location))
    }
  }
}
