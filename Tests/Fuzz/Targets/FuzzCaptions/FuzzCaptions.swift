// MediaProbe's WebVTT and SRT readers, through the probe as `podium probe` and the build use them,
// then the caption checks against a media duration. The content picks the reader, as in the probe:
// inputs that are neither are refused at once, so the corpus (caption files) keeps the fuzzer on them.
import Diagnostics
import Foundation
import FuzzDriver
import MediaProbe

@main enum FuzzCaptions {
  static func main() {
    exit(podium_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { start, count in
      let bytes = start.map { [UInt8](UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
      let info = MediaProbe().probe(bytes: bytes, name: "fuzz.vtt")
      _ = CaptionCheck.check(info, mediaDuration: 60)
      return 0
    })
  }
}
