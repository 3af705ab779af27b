import AtomicOutput
import Foundation

/// A private folder in the system's temporary folder where `validate` writes podcast feeds as a
/// build writes them into its staging folder, to check them from there: a large feed is then
/// never held in memory (100,000 episodes: 290 MB), so `validate` needs no more memory than
/// `build`. Nothing is written near the output; the folder is removed when validation ends.
struct ValidationScratch {
  let folder: URL

  /// `nil` when no folder can be made there; `validate` then keeps the feeds in memory.
  init?() {
    var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("podium-validate-XXXXXX").utf8CString)
    let path = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
    }
    guard let path else { return nil }
    folder = URL(fileURLWithPath: path)
  }

  /// A staging folder inside the scratch folder, for an output of this name: validate's rendering
  /// writes only its feeds there (``OutputRenderer/validating``), the files beside them only reserved.
  func startStaging(outputName: String) -> Staging? {
    try? DirectoryCommit(directory: folder.appendingPathComponent(outputName)).startStaging()
  }

  func remove() {
    try? FileManager.default.removeItem(at: folder)
  }
}
