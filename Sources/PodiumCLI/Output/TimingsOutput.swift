import Foundation
import Publisher

/// `--timings`: each step's time on standard error, so it never mixes with data on stdout.
enum TimingsOutput {
  static func print(_ timings: [BuildReport.Timing]) {
    var text = ""
    for timing in timings {
      text += String(format: "%8.1f ms  %@\n", timing.seconds * 1000, timing.step)
    }
    text += String(format: "%8.1f ms  total\n", timings.reduce(0) { $0 + $1.seconds } * 1000)
    FileHandle.standardError.write(Data(text.utf8))
  }
}
