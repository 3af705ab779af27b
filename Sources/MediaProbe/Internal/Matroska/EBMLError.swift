/// Why reading EBML stopped. The Matroska parser turns each into a finding.
enum EBMLError: Error {
  /// The bytes break the EBML rules: an invalid ID or size, or a child bigger than its parent.
  case malformed(offset: Int64, String)
  /// The file ends inside the element at `offset`.
  case cut(offset: Int64)
  /// Nesting or element count passed `ProbeLimits`.
  case limit(offset: Int64, String)
}
