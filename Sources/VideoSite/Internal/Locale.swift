/// Words and formats of the page, in the show's language: Dutch and English to start.
struct PageLocale {
  let dutch: Bool

  init(language: String) { dutch = language.lowercased().hasPrefix("nl") }

  var captions: String { dutch ? "Ondertitels" : "Captions" }
  var download: String { dutch ? "Download de video" : "Download the video" }
  var watch: String { dutch ? "Bekijk de video" : "Watch the video" }

  private static let dutchMonths = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
    "december",
  ]
  private static let englishMonths = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]

  /// `14 maart 2024`, `14 March 2024`, from `2024-03-14`.
  func date(_ localDate: String) -> String {
    let parts = localDate.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, (1...12).contains(parts[1]) else { return localDate }
    let month = (dutch ? Self.dutchMonths : Self.englishMonths)[parts[1] - 1]
    return "\(parts[2]) \(month) \(parts[0])"
  }

  /// `1:05:12` or `4:07`.
  func duration(_ seconds: Int) -> String {
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
  }

  /// ISO 8601 duration for schema.org: `PT4M7S`.
  static func isoDuration(_ seconds: Int) -> String {
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60)
    return "PT" + (h > 0 ? "\(h)H" : "") + (m > 0 ? "\(m)M" : "") + "\(s)S"
  }
}
