/// Seconds as people read them in messages: "1.5 s", "20 s".
enum Seconds {
  static func format(_ seconds: Double) -> String {
    let tenths = (seconds * 10).rounded()
    let whole = Int(tenths / 10)
    let fraction = Int(tenths) % 10
    return fraction == 0 ? "\(whole) s" : "\(whole).\(fraction) s"
  }
}
