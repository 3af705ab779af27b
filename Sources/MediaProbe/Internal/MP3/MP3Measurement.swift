import Diagnostics

/// Decides how long the stream is. A Xing, Info or VBRI header whose byte count matches the audio
/// (within one frame) is trusted, so an hour-long file costs a few KB of reads; otherwise every
/// frame header is walked. Either way, truncation, garbage and a disagreeing header are findings.
struct MP3Measurement {
  /// Where the first frame starts: the one holding the duration header, if there is one.
  let first: Int64
  let header: MPEGFrameHeader
  let durationHeader: MP3DurationHeader?
  let fileSize: Int64
  let limits: ProbeLimits
  let location: SourceLocation

  /// Where the audio frames start: decoders skip the frame that holds the duration header.
  var audioStart: Int64 { first + (durationHeader == nil ? 0 : Int64(header.frameLength)) }

  func measure<Source>(_ scanner: inout MP3FrameScanner<Source>, into info: inout MediaInfo)
    throws(ProbeFailure)
  {
    if let durationHeader, let trusted = trustedFrames(audioEnd: scanner.end) {
      try useHeader(durationHeader, frames: trusted, &scanner, into: &info)
    } else {
      try countFrames(&scanner, into: &info)
    }
  }

  /// The header's frame count when its byte count matches the audio within one frame and the two
  /// counts give frames of a possible length. LAME and ffmpeg count the bytes of the frames; some
  /// encoders counted the trailing tags, or the leading ones, too.
  private func trustedFrames(audioEnd: Int64) -> Int? {
    guard let frames = durationHeader?.frames, frames > 0, let bytes = durationHeader?.bytes else { return nil }
    let readings = [audioEnd - first, fileSize - first, audioEnd]
    guard bytes >= Int64(frames) * Int64(header.shortestFrame), bytes <= Int64(frames + 1) * Int64(header.longestFrame),
      readings.contains(where: { abs(bytes - $0) <= Int64(header.longestFrame) })
    else { return nil }
    return frames
  }

  private func useHeader<Source>(
    _ durationHeader: MP3DurationHeader, frames: Int, _ scanner: inout MP3FrameScanner<Source>,
    into info: inout MediaInfo
  ) throws(ProbeFailure) {
    // A cut-short last frame still decodes (ffmpeg plays what it has), so the count stands.
    if durationHeader.bytes != scanner.end - first { try reportCutTail(&scanner, into: &info) }
    let samples = durationHeader.decodedSamples(frames: frames, samplesPerFrame: header.samplesPerFrame, complete: true)
    info.duration = Double(samples) / Double(header.sampleRate)
    info.variableBitrate = durationHeader.kind != .info
    let average = averageBitrate(bytes: scanner.end - audioStart, frames: frames)
    info.bitrate = durationHeader.kind == .info
      ? try scanner.header(at: audioStart, chunk: type(of: scanner).syncChunk)?.bitrate ?? average : average
  }

  /// Walks the last few frames, for a header that matches the audio only within a frame: is the
  /// last frame cut short, or are there unknown bytes after it?
  private func reportCutTail<Source>(_ scanner: inout MP3FrameScanner<Source>, into info: inout MediaInfo)
    throws(ProbeFailure)
  {
    let tailStart = max(audioStart, scanner.end - Int64(4 * header.longestFrame))
    guard let resume = try scanner.sync(from: tailStart, key: header.streamKey) else { return }
    let tail = try scanner.walk(from: resume, key: header.streamKey, maximumFrames: limits.maximumItems)
    reportGaps(tail, &info)
    if let cut = tail.cutFrame {
      info.findings.append(ProbeRules.truncated.finding(
        "the file is cut short: the last frame, at byte \(cut.offset), needs \(cut.needed) bytes and has only "
          + "\(cut.present); upload the complete file again", at: location))
    }
  }

  private func countFrames<Source>(_ scanner: inout MP3FrameScanner<Source>, into info: inout MediaInfo)
    throws(ProbeFailure)
  {
    let count = try scanner.walk(from: audioStart, key: header.streamKey, maximumFrames: limits.maximumItems)
    reportGaps(count, &info)
    // A cut-short last frame still decodes: ffmpeg plays what there is of it.
    let frames = count.frames + (count.cutFrame == nil ? 0 : 1)
    let complete = durationHeader?.frames.map { $0 == frames } ?? true
    var samples =
      durationHeader?.decodedSamples(frames: frames, samplesPerFrame: header.samplesPerFrame, complete: complete)
      ?? Int64(frames) * Int64(header.samplesPerFrame)
    if let stopped = count.stoppedAt, stopped.offset > audioStart {
      let scaled = Double(samples) * Double(scanner.end - audioStart) / Double(stopped.offset - audioStart)
      // The size may be a server's word, any number up to Int64.max: past Int64, the most it holds.
      samples = scaled < Double(Int64.max) ? Int64(scaled) : .max
      info.durationEstimated = true
      info.findings.append(ProbeRules.limitReached.finding(
        "stopped counting frames at byte \(stopped.offset) (\(stopped.reason)); the duration is estimated from "
          + "the \(count.frames) frames before it", at: location))
    } else {
      compareWithHeader(count, samples: samples, audioEnd: scanner.end, into: &info)
    }
    info.duration = Double(samples) / Double(header.sampleRate)
    info.variableBitrate = count.variableBitrate
    info.bitrate =
      count.variableBitrate ? averageBitrate(bytes: count.bytes, frames: count.frames) : count.firstBitrate ?? header.bitrate
  }

  /// Says what the header promised against what the walk found: truncation when the file holds
  /// fewer frames and bytes, disagreement when only the frame count differs (the byte count alone
  /// doesn't change the duration); and, without a header, that a VBR file's duration is guessed.
  private func compareWithHeader(_ count: MP3FrameCount, samples: Int64, audioEnd: Int64, into info: inout MediaInfo) {
    let held = audioEnd - first
    let frames = count.frames + (count.cutFrame == nil ? 0 : 1)
    let seconds = Self.seconds(samples, header.sampleRate)
    let heldText = "\(count.frames) complete frames (\(seconds) s) in \(held) bytes"
    let promisedFrames = durationHeader?.frames, promisedBytes = durationHeader?.bytes
    let fewerBytes = promisedBytes.map { $0 > held + Int64(header.longestFrame) }
    let fewerFrames = promisedFrames.map { $0 > frames }
    let truncated = count.cutFrame != nil || (fewerFrames ?? fewerBytes ?? false) && (fewerBytes ?? true)
    if truncated {
      var facts = durationHeader == nil ? [] : ["\(promise) but the file holds \(heldText)"]
      if let cut = count.cutFrame {
        facts.append("the last frame, at byte \(cut.offset), needs \(cut.needed) bytes and has only \(cut.present)")
      }
      info.findings.append(ProbeRules.truncated.finding(
        "the file is cut short: \(facts.joined(separator: "; ")); upload the complete file again", at: location))
    } else if let promisedFrames, promisedFrames != frames {
      info.findings.append(ProbeRules.headerDisagrees.finding(
        "\(promise) but the file holds \(heldText): players that trust the header show the wrong duration; "
          + "rewrite it (re-encode, or remux with `ffmpeg -i in.mp3 -c copy out.mp3`)", at: location))
    } else if durationHeader == nil, count.variableBitrate {
      let guess = Self.seconds(held * 8 * Int64(header.sampleRate) / Int64(header.bitrate), header.sampleRate)
      info.findings.append(ProbeRules.headerDisagrees.finding(
        "the bit rate varies but there is no Xing or VBRI header: players that estimate from the first frame "
          + "show \(guess) s instead of \(seconds) s; re-encode with a Xing header (LAME writes one unless run with -t)",
        at: location))
    }
  }

  /// What the duration header says, for messages: "the Xing header at byte 0 promises 116 frames
  /// (3.00 s) in 38132 bytes".
  private var promise: String {
    guard let durationHeader else { return "" }
    let frames = durationHeader.frames.map { frames in
      let samples = durationHeader.decodedSamples(frames: frames, samplesPerFrame: header.samplesPerFrame, complete: true)
      return "\(frames) frames (\(Self.seconds(samples, header.sampleRate)) s)"
    }
    let parts = [frames, durationHeader.bytes.map { "\($0) bytes" }].compactMap { $0 }.joined(separator: " in ")
    return "the \(durationHeader.kind.rawValue) header at byte \(first) promises \(parts)"
  }

  /// Findings for unknown bytes between frames and after the last one.
  private func reportGaps(_ count: MP3FrameCount, _ info: inout MediaInfo) {
    let joined = count.joinedAt.map { "; a tag at byte \($0) says files were joined end to end" } ?? ""
    if count.gapCount > 0 {
      let list = count.firstGaps.map { "\($0.length) at byte \($0.offset)" }.joined(separator: ", ")
      let more = count.gapCount > count.firstGaps.count ? ", …" : ""
      info.findings.append(ProbeRules.garbage.finding(
        "\(count.gapCount) stretch\(count.gapCount == 1 ? "" : "es") of unknown data between MPEG frames, "
          + "\(count.gapBytes) bytes in all (\(list)\(more))\(joined); players may click or skip there — re-encode "
          + "the file", at: location))
    }
    if let other = count.otherStream {
      info.findings.append(ProbeRules.malformed.finding(
        "another MPEG stream (\(Self.describe(other.header))) starts at byte \(other.offset), after the "
          + "\(Self.describe(header)) one\(count.gapCount > 0 ? "" : joined): the file looks like files joined end to "
          + "end, and only the first stream is counted; export it again as one file", at: location))
    } else if let gap = count.trailingGap {
      info.findings.append(ProbeRules.garbage.finding(
        "\(gap.length) bytes of unknown data after the last MPEG frame, at bytes \(gap.offset)–"
          + "\(gap.offset + gap.length - 1); remove them or re-encode the file", at: location))
    }
  }

  /// "MPEG-1 Layer III, 44100 Hz, stereo", for messages.
  private static func describe(_ header: MPEGFrameHeader) -> String {
    let version = header.version == .mpeg1 ? "1" : header.version == .mpeg2 ? "2" : "2.5"
    let layer = String(repeating: "I", count: header.layer)
    return "MPEG-\(version) Layer \(layer), \(header.sampleRate) Hz, \(header.isMono ? "mono" : "stereo")"
  }

  private func averageBitrate(bytes: Int64, frames: Int) -> Int? {
    guard frames > 0 else { return nil }
    let seconds = Double(frames * header.samplesPerFrame) / Double(header.sampleRate)
    return Int((Double(bytes) * 8 / seconds).rounded())
  }

  /// Seconds with two decimals, for messages.
  static func seconds(_ samples: Int64, _ rate: Int) -> String {
    let hundredths = (samples * 100 + Int64(rate) / 2) / Int64(rate)
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
