/// libcurl refused an option: a library built without a feature, or out of memory.
public struct CurlSetupError: Error, Sendable, Hashable, CustomStringConvertible {
  public var what: String
  public var reason: String

  public init(what: String, reason: String) {
    self.what = what
    self.reason = reason
  }

  public var description: String { "libcurl refused \(what): \(reason)" }
}
