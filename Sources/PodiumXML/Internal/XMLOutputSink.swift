import Foundation
internal import CLibXML2

/// Collects what libxml2's output buffer writes.
final class XMLOutputSink {
  var data = Data()

  static let write: xmlOutputWriteCallback = { context, buffer, length in
    guard let context, let buffer, length > 0 else { return length < 0 ? -1 : 0 }
    let sink = Unmanaged<XMLOutputSink>.fromOpaque(context).takeUnretainedValue()
    buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { sink.data.append($0, count: Int(length)) }
    return length
  }
}
