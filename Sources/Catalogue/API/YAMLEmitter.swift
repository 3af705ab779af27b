internal import CYAML

/// Writes YAML through libyaml's emitter, which quotes each text only when it must (a `: ` in a
/// title, a leading `-`), so that what `podium add` and `podium import` write reads back as the
/// same text.
public enum YAMLEmitter {
  /// A value to write: every scalar is text, as the catalogue reads it.
  public indirect enum Value: Sendable {
    case text(String)
    case mapping([(String, Value)])
    case list([Value])
  }

  public struct Failure: Error, CustomStringConvertible {
    public let description: String
  }

  /// The block-style YAML of a mapping, ending in a newline, without `---` lines.
  public static func yaml(_ pairs: [(String, Value)]) throws(Failure) -> String {
    let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
    defer { emitter.deallocate() }
    guard yaml_emitter_initialize(emitter) == 1 else { throw Failure(description: "out of memory") }
    defer { yaml_emitter_delete(emitter) }
    let output = Output()
    let context = Unmanaged.passUnretained(output).toOpaque()
    yaml_emitter_set_output(emitter, { data, buffer, size in
      guard let data, let buffer else { return 0 }
      Unmanaged<Output>.fromOpaque(data).takeUnretainedValue().bytes.append(
        contentsOf: UnsafeBufferPointer(start: buffer, count: size))
      return 1
    }, context)
    yaml_emitter_set_encoding(emitter, YAML_UTF8_ENCODING)
    yaml_emitter_set_unicode(emitter, 1)
    yaml_emitter_set_break(emitter, YAML_LN_BREAK)

    var event = yaml_event_t()
    func emit() throws(Failure) {
      guard yaml_emitter_emit(emitter, &event) == 1 else {
        throw Failure(description: emitter.pointee.problem.map { String(cString: $0) } ?? "libyaml could not write YAML")
      }
    }
    func write(_ value: Value) throws(Failure) {
      switch value {
      case .text(let text):
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
          // A text the loader would read as null is quoted, so that it stays text.
          _ = yaml_scalar_event_initialize(
            &event, nil, nil, buffer.baseAddress, Int32(buffer.count), 1, 1,
            YAMLDocument.nullTexts.contains(text) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE)
        }
        try emit()
      case .mapping(let pairs):
        yaml_mapping_start_event_initialize(&event, nil, nil, 1, YAML_ANY_MAPPING_STYLE)
        try emit()
        for (key, value) in pairs {
          try write(.text(key))
          try write(value)
        }
        yaml_mapping_end_event_initialize(&event)
        try emit()
      case .list(let items):
        yaml_sequence_start_event_initialize(&event, nil, nil, 1, YAML_ANY_SEQUENCE_STYLE)
        try emit()
        for item in items { try write(item) }
        yaml_sequence_end_event_initialize(&event)
        try emit()
      }
    }

    yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
    try emit()
    yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
    try emit()
    try write(.mapping(pairs))
    yaml_document_end_event_initialize(&event, 1)
    try emit()
    yaml_stream_end_event_initialize(&event)
    try emit()
    return String(decoding: output.bytes, as: UTF8.self)
  }

  /// Where the emitter's write handler puts the bytes.
  private final class Output {
    var bytes: [UInt8] = []
  }
}
