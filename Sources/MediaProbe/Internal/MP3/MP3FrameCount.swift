/// What walking the frame headers found: how many frames, and where the stream broke.
struct MP3FrameCount {
  /// A stretch of bytes that is not MPEG frames.
  struct Gap: Equatable {
    var offset: Int64
    var length: Int64
  }

  /// A frame whose header promises more bytes than the audio holds.
  struct CutFrame: Equatable {
    var offset: Int64
    var needed: Int
    var present: Int64
  }

  var frames = 0
  /// Bytes of the frames counted.
  var bytes: Int64 = 0
  var firstBitrate: Int?
  var variableBitrate = false
  /// Stretches of unknown bytes between frames: how many, how long in all, and the first few.
  var gapCount = 0
  var gapBytes: Int64 = 0
  var firstGaps: [Gap] = []
  /// Unknown bytes after the last frame.
  var trailingGap: Gap?
  /// Where a gap starts with an ID3 tag: files joined end to end.
  var joinedAt: Int64?
  /// A run of frames of another stream (other version, layer, sample rate or channels) after the
  /// last frame counted: where it starts and its first header.
  var otherStream: (offset: Int64, header: MPEGFrameHeader)?
  var cutFrame: CutFrame?
  /// Where the walk stopped early because of the read or item limits, and why.
  var stoppedAt: (offset: Int64, reason: String)?
  /// Just past the last frame counted.
  var end: Int64 = 0

  mutating func add(_ header: MPEGFrameHeader) {
    frames += 1
    bytes += Int64(header.frameLength)
    if let firstBitrate {
      if firstBitrate != header.bitrate { variableBitrate = true }
    } else {
      firstBitrate = header.bitrate
    }
  }

  /// Counts a stretch of unknown bytes between frames, keeping only the first few for messages.
  mutating func addGap(at offset: Int64, length: Int64) {
    guard length > 0 else { return }
    gapCount += 1
    gapBytes += length
    if firstGaps.count < 3 { firstGaps.append(Gap(offset: offset, length: length)) }
  }
}
