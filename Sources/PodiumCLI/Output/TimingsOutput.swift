import Foundation
import Publisher

/// `--timings`: each step's time on standard error, so it never mixes with data on stdout.
enum TimingsOutput {
  static func print(_ timings: [BuildReport.Timing]) {
    var text = ""
    for timing in timings {
      let step = timing.step.padding(toLength: max(28, timing.step.count), withPad: " ", startingAt: 0)
      text += String(format: "%8.1f ms  ", timing.seconds * 1000) + step + " peak \(timing.peakMemory >> 20) MB\n"
    }
    text += String(format: "%8.1f ms  total\n", timings.reduce(0) { $0 + $1.seconds } * 1000)
    FileHandle.standardError.write(Data(text.utf8))
  }
}
