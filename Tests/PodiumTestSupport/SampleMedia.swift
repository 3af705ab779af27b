import Foundation

/// Small but structurally real media for tests: what the probe reads is valid, the rest is silence.
public enum SampleMedia {
  /// An MPEG-1 Layer III file, 32 kbit/s, 32 kHz mono, of about `seconds` (each frame is 36 ms).
  public static func mp3(seconds: Double) -> Data {
    // 0xFFFB: sync, MPEG-1, Layer III, no CRC. 0x18: 32 kbit/s, 32 kHz, no padding. 0xC4: mono.
    let header: [UInt8] = [0xFF, 0xFB, 0x18, 0xC4]
    let frameLength = 144 * 32_000 / 32_000
    var frame = header + [UInt8](repeating: 0, count: frameLength - header.count)
    frame[4] = 0
    let frames = Int((seconds * 32_000 / 1152).rounded())
    var data = Data(capacity: frames * frameLength)
    for _ in 0..<frames { data.append(contentsOf: frame) }
    return data
  }

  /// PCM WAV, 8 kHz, 8 bits, mono: a 44-byte header and silence.
  public static func wav(seconds: Int) -> Data {
    func littleEndian(_ value: Int, _ bytes: Int) -> [UInt8] { (0..<bytes).map { UInt8((value >> (8 * $0)) & 0xFF) } }
    let samples = 8000 * seconds
    var header = Array("RIFF".utf8) + littleEndian(36 + samples, 4) + Array("WAVEfmt ".utf8) + littleEndian(16, 4)
    header += littleEndian(1, 2) + littleEndian(1, 2) + littleEndian(8000, 4) + littleEndian(8000, 4)
    header += littleEndian(1, 2) + littleEndian(8, 2) + Array("data".utf8) + littleEndian(samples, 4)
    return Data(header + [UInt8](repeating: 0x80, count: samples))
  }

  /// A baseline JPEG header (SOI, JFIF, SOF0 with three components, SOS, EOI) of the given size: enough for
  /// a probe, which reads headers and never decodes.
  /// - Parameter padding: bytes of comment segments to add, to make the file larger.
  public static func jpeg(width: Int, height: Int, padding: Int = 0) -> Data {
    var bytes: [UInt8] = [0xFF, 0xD8]
    var left = padding
    while left > 0 {
      let chunk = min(left, 60_000)
      bytes += [0xFF, 0xFE, UInt8((chunk + 2) >> 8), UInt8((chunk + 2) & 0xFF)] + [UInt8](repeating: 0x20, count: chunk)
      left -= chunk
    }
    bytes += [0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00]
    bytes += [0xFF, 0xC0, 0x00, 0x11, 0x08, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 0x03]
    bytes += [0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]
    bytes += [0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00, 0x00, 0x00]
    bytes += [0xFF, 0xD9]
    return Data(bytes)
  }
}
