/// The end of a FLAC stream, read from a bounded tail: whether the last frame is whole (its CRC-16
/// matches up to the end of the file) and how many samples the frames hold.
enum FLACLastFrame {
  enum Outcome: Equatable {
    /// The last frame ends the file; the frames hold this many samples.
    case complete(samples: Int64)
    /// The frame at `offset` runs past the end; the frames before it hold `samples`.
    case cut(offset: Int64, samples: Int64)
    /// No frame could be recognised in the tail.
    case unknown
  }

  /// How many frames from the end are tried as the last one; more means bytes after the audio.
  private static let candidatesTried = 8

  /// Examines `tail`, the last bytes of the audio (ending where the audio ends), at file offset
  /// `base`. Scans backwards, so a whole file costs about one frame of work.
  static func examine(_ tail: ArraySlice<UInt8>, base: Int64, streamInfo: FLACStreamInfo) -> Outcome {
    func firstSample(_ header: FLACFrameHeader) -> Int64 {
      header.variableBlocking ? header.number : header.number * Int64(max(streamInfo.maximumBlockSize, 1))
    }
    var later: (index: Int, header: FLACFrameHeader)?
    var tried = 0
    var index = tail.endIndex - 2
    while index >= tail.startIndex {
      defer { index -= 1 }
      guard tail[index] == 0xFF, tail[index + 1] & 0xFE == 0xF8, let header = FLACFrameHeader(tail[index...]) else {
        continue
      }
      if tried < candidatesTried, isWhole(tail, index, tail.endIndex) {
        return .complete(samples: firstSample(header) + Int64(header.blockSize))
      }
      tried += 1
      if let later, isWhole(tail, index, later.index) {
        return .cut(offset: base + Int64(later.index - tail.startIndex), samples: firstSample(later.header))
      }
      later = (index, header)
    }
    return .unknown
  }

  /// Whether the bytes from `start` to `end` are one frame: the last two are the CRC-16 of the rest.
  private static func isWhole(_ tail: ArraySlice<UInt8>, _ start: Int, _ end: Int) -> Bool {
    guard end - start >= 4 else { return false }
    let stored = UInt16(tail[end - 2]) << 8 | UInt16(tail[end - 1])
    return FLACCRC.crc16(tail[start..<end - 2]) == stored
  }
}
