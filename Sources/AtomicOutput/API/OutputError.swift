/// Why output could not be written. The previous output is left as it was.
public struct OutputError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Reason: Sendable, Hashable {
    case invalidPath(String)
    case duplicatePath(String)
    case io(path: String, detail: String)
  }

  public let reason: Reason

  public init(_ reason: Reason) { self.reason = reason }

  public var description: String {
    switch reason {
    case .invalidPath(let path): "refusing to write '\(path)': output paths must stay inside the output folder"
    case .duplicatePath(let path): "two outputs want the same path '\(path)'"
    case .io(let path, let detail): "could not write '\(path)': \(detail)"
    }
  }
}
