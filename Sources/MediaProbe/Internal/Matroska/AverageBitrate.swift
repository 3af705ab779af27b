/// The average bit rate of a file, guarded so a hostile, near-zero duration can't overflow `Int`.
enum AverageBitrate {
  static func of(bytes: Int64, seconds: Double?) -> Int? {
    guard let seconds, seconds > 0 else { return nil }
    let rate = (Double(bytes) * 8 / seconds).rounded()
    return rate.isFinite && rate < Double(Int32.max) ? Int(rate) : nil
  }
}
