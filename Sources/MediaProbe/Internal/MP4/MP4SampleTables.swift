/// Where a track's sample tables are, and the little read from them up front. The tables
/// themselves are read only for a chapter track.
struct MP4SampleTables {
  var stts: MP4Box?
  var stsz: MP4Box?
  var stsc: MP4Box?
  /// `stco` or `co64`.
  var chunkOffsets: MP4Box?
  /// `stsz`/`stz2`: how many samples the track has.
  var sampleCount: UInt64?
  /// `stts`, when short enough to read: samples and the total of their durations.
  var timedSamples: UInt64?
  var timedTicks: UInt64?
}
