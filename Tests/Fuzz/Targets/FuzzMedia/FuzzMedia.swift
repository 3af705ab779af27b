// MediaProbe's media and image parsers (MP3, MPEG-4, Ogg, FLAC, WAV, Matroska/WebM, JPEG, PNG, WebP),
// through the probe's public entry: the content picks the parser, so the corpus fuzz.sh seeds it
// with (all fixtures, or one format's) decides which parsers the fuzzer dwells on.
import Foundation
import FuzzDriver
import MediaProbe

@main enum FuzzMedia {
  static let probe: MediaProbe = {
    var limits = ProbeLimits()
    limits.maximumBytesRead = 8 * 1024 * 1024
    return MediaProbe(limits: limits)
  }()

  static func main() {
    exit(podium_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { start, count in
      let bytes = start.map { [UInt8](UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
      _ = FuzzMedia.probe.probe(bytes: bytes, name: "fuzz")
      return 0
    })
  }
}
