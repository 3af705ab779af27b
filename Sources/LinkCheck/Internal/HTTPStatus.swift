/// Reason phrases and advice for the statuses a media host commonly answers.
enum HTTPStatus {
  static let phrases: [Int: String] = [
    200: "OK", 206: "Partial Content", 301: "Moved Permanently", 302: "Found", 303: "See Other",
    307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request", 401: "Unauthorized",
    403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 410: "Gone", 416: "Range Not Satisfiable",
    429: "Too Many Requests", 500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
    503: "Service Unavailable", 504: "Gateway Timeout",
  ]

  /// Statuses that follow a redirect when a Location comes with them.
  static let redirects: Set<Int> = [301, 302, 303, 307, 308]

  /// "404 Not Found".
  static func describe(_ status: Int) -> String {
    phrases[status].map { "\(status) \($0)" } ?? "\(status)"
  }

  static func advice(_ status: Int) -> String {
    switch status {
    case 404, 410: "The file is not at that URL: upload it, or fix the URL."
    case 401, 403: "The server refuses anonymous access; apps cannot fetch it either. Make the file public."
    case 500...599: "The server failed; check its logs and try again."
    default: "Apps cannot fetch the file; fix the URL or the server."
    }
  }
}
