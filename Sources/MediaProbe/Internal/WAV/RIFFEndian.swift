/// RIFF is little-endian; RIFX files are the same structure in big-endian.
enum RIFFEndian {
  static func u16(_ reader: inout ByteReader, _ bigEndian: Bool) throws(ProbeFailure) -> UInt16 {
    bigEndian ? try reader.u16be() : try reader.u16le()
  }

  static func u32(_ reader: inout ByteReader, _ bigEndian: Bool) throws(ProbeFailure) -> UInt32 {
    bigEndian ? try reader.u32be() : try reader.u32le()
  }

  static func u64(_ reader: inout ByteReader, _ bigEndian: Bool) throws(ProbeFailure) -> UInt64 {
    bigEndian ? try reader.u64be() : try reader.u64le()
  }
}
