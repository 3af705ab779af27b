// libFuzzer entry point for the media parsers. Compiled by fuzz-probe.sh into the MediaProbe
// module itself, so it can call one parser directly; PODIUM_FUZZ_FORMAT picks which.
import Foundation

private let format = ProcessInfo.processInfo.environment["PODIUM_FUZZ_FORMAT"] ?? "all"
private let limits: ProbeLimits = {
  var limits = ProbeLimits()
  limits.maximumBytesRead = 8 * 1024 * 1024
  return limits
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let bytes = start.map { [UInt8](UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
  let source = MemoryByteSource(bytes: bytes, limits: limits)
  var info = MediaInfo(path: "fuzz", size: source.size)
  switch format {
  case "mp3": try? MP3Parser.parse(source, into: &info, limits: limits)
  case "mp4": try? MP4Parser.parse(source, into: &info, limits: limits)
  default: _ = MediaProbe(limits: limits).probe(bytes: bytes, name: "fuzz")
  }
  return 0
}
