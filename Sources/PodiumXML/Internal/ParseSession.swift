internal import CLibXML2
import Foundation

/// What one parse learns: the tree, the first error, and any refused entity. Lives in the
/// parser context's `_private` field, which libxml2 leaves to the caller, so the C callbacks
/// reach it without globals.
final class ParseSession {
  struct FirstError {
    let code: Int32
    let line: Int
    let message: String
  }

  var tree = TreeBuilder()
  private(set) var firstError: FirstError?
  private(set) var refusedEntity: (name: String, line: Int, declared: Bool)?

  /// Keeps the first error only: later ones are usually echoes of it. Namespace errors
  /// (an undeclared prefix) are left for the feed rules to report, not treated as fatal.
  func record(_ error: xmlError) {
    if error.code == Int32(XML_WAR_UNDECLARED_ENTITY.rawValue) {
      // Only possible with an external DTD, which is never loaded: refuse rather than drop it.
      let name = error.str1.map { String(cString: $0) } ?? ""
      return refuseEntity(named: name, line: Int(error.line), declared: false)
    }
    guard firstError == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue,
      error.domain != Int32(XML_FROM_NAMESPACE.rawValue)
    else { return }
    let message = error.message.map { String(cString: $0) } ?? "unknown error"
    firstError = FirstError(
      code: error.code, line: Int(error.line), message: message.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// - Parameter declared: `true` for a declaration, `false` for a reference to an unknown entity.
  func refuseEntity(named name: String, line: Int, declared: Bool) {
    if refusedEntity == nil { refusedEntity = (name, line, declared) }
  }

  /// The session `LibXMLReader` stored in a parser context.
  static func from(_ context: UnsafeMutableRawPointer?) -> ParseSession? {
    guard let ctxt = context?.assumingMemoryBound(to: xmlParserCtxt.self), let opaque = ctxt.pointee._private
    else { return nil }
    return Unmanaged<ParseSession>.fromOpaque(opaque).takeUnretainedValue()
  }
}
