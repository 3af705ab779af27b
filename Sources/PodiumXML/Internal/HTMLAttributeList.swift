/// The attributes of a start tag as libxml2 reports them: name, value, name, value…, nil.
/// Names are lower case; values have entities decoded and are nil for attributes written
/// without one (`<input disabled>`).
struct HTMLAttributeList {
  private let pairs: UnsafeMutablePointer<UnsafePointer<UInt8>?>?

  init(_ pairs: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
    self.pairs = pairs
  }

  func forEach(_ body: (_ name: UnsafePointer<UInt8>, _ value: UnsafePointer<UInt8>?) -> Void) {
    guard var cursor = pairs else { return }
    while let name = cursor.pointee {
      body(name, cursor[1])
      cursor += 2
    }
  }
}
