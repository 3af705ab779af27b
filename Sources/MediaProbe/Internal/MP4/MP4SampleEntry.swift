/// What the first sample entry of `stsd` says about a track's codec.
struct MP4SampleEntry {
  /// The entry's type (`mp4a`, `avc1`, …), or the original format of an encrypted entry.
  var format: MP4FourCC
  /// RFC 6381 where one exists: `mp4a.40.2`, `avc1.64000d`.
  var codec: String?
  var sampleRate: Int?
  var channels: Int?
  /// The coded size, when `tkhd` gives none.
  var width: Int?
  var height: Int?
  /// MP3 or MPEG-2 audio, whose first frame header gives the true channel count.
  var isMPEGAudio = false

  init(format: MP4FourCC) {
    self.format = format
  }
}
