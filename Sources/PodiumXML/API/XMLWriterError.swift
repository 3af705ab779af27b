/// Why an XML document could not be written.
public struct XMLWriterError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Reason: Sendable, Hashable {
    /// libxml2 refused the call.
    case libxml(operation: String)
    /// The text holds a character XML 1.0 cannot carry (most C0 controls, U+FFFE, U+FFFF).
    case invalidCharacter(scalar: UInt32, context: String)
    /// A name is not a valid XML name.
    case invalidName(String)
    /// The file being written could not be created or written; the detail is the system's reason.
    case io(path: String, detail: String)
  }

  public let reason: Reason

  public init(_ reason: Reason) { self.reason = reason }

  public var description: String {
    switch reason {
    case .libxml(let operation):
      "libxml2 failed to write XML (\(operation))"
    case .invalidCharacter(let scalar, let context):
      "\(context) contains the control character U+\(String(scalar, radix: 16, uppercase: true).leftPadded(to: 4)), "
        + "which XML cannot carry; remove it"
    case .invalidName(let name):
      "'\(name)' is not a valid XML name"
    case .io(let path, let detail):
      "cannot write \(path): \(detail)"
    }
  }
}

extension String {
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
