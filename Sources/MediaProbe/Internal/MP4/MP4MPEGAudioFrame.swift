/// The header of an MP3 frame in `mdat`. MP3 in MPEG-4 has no configuration box, and the
/// sample entry's channel count is ISO's template value (2), so the first frame says the truth.
enum MP4MPEGAudioFrame {
  private static let sampleRates: [UInt8: [Int]] = [
    3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000],
  ]

  /// Sample rate and channels, or nil when `bytes` don't start with a frame header.
  static func header(_ bytes: ArraySlice<UInt8>) -> (sampleRate: Int, channels: Int)? {
    let header = Array(bytes.prefix(4))
    guard header.count == 4, header[0] == 0xFF, header[1] & 0xE0 == 0xE0 else { return nil }
    let rateIndex = Int(header[2] >> 2 & 3)
    guard let rates = sampleRates[header[1] >> 3 & 3], rateIndex < rates.count else { return nil }
    return (rates[rateIndex], header[3] >> 6 == 3 ? 1 : 2)
  }
}
