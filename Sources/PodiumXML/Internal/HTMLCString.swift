/// Small helpers for the NUL-terminated UTF-8 strings libxml2 hands out.
enum HTMLCString {
  /// Whether `string` equals `expected`.
  static func equals(_ string: UnsafePointer<UInt8>, _ expected: StaticString) -> Bool {
    let count = expected.utf8CodeUnitCount
    let bytes = expected.utf8Start
    // A shorter `string` differs at its NUL before any read past its end.
    for index in 0..<count where string[index] != bytes[index] { return false }
    return string[count] == 0
  }

  /// The bytes before the NUL.
  static func bytes(_ string: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var count = 0
    while string[count] != 0 { count += 1 }
    return UnsafeBufferPointer(start: string, count: count)
  }

  static func string(_ string: UnsafePointer<UInt8>) -> String {
    String(decoding: bytes(string), as: UTF8.self)
  }
}
