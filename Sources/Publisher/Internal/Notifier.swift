import Catalogue
import Foundation
import LinkCheck

/// Tells the services that watch feeds that some changed: a WebSub hub's publish ping
/// (https://www.w3.org/TR/websub/ leaves the publisher's ping to the hub; `hub.mode=publish` with
/// `hub.url` is what hubs such as Google's pubsubhubbub.appspot.com and WebSubHub take) and
/// Podping's HTTP API (https://podping.cloud/: `GET ?url=…&reason=update&medium=…` with the
/// token as `Authorization`). Failures come back as problems, never as errors.
struct Notifier {
  let settings: PublishSettings
  let options: PublishOptions

  func notify(_ feeds: [PublicationFacts.Feed]) -> [PublishReport.Notification] {
    let checker = LinkChecker(configuration: options.http)
    var notes: [PublishReport.Notification] = []
    for feed in feeds {
      if let hub = settings.websubHub {
        let body = "hub.mode=publish&hub.url=" + Self.formEncode(feed.url)
        notes.append(send(checker, OutgoingMessage(url: hub, body: Array(body.utf8)), .websub, feed))
      }
      if settings.podping {
        guard let token = options.podpingToken, !token.isEmpty else {
          notes.append(
            PublishReport.Notification(
              service: .podping, feedURL: feed.url,
              problem: "publish.podping is on, but PODPING_TOKEN is not set in the environment; ask podping.cloud "
                + "for a token"))
          continue
        }
        let separator = settings.podpingEndpoint.contains("?") ? "&" : "?"
        let url = settings.podpingEndpoint + separator + "url=" + Self.formEncode(feed.url) + "&reason=update&medium="
          + Self.formEncode(feed.medium)
        notes.append(send(checker, OutgoingMessage(url: url, headers: ["Authorization: " + token]), .podping, feed))
      }
    }
    return notes
  }

  private func send(
    _ checker: LinkChecker, _ message: OutgoingMessage, _ service: PublishReport.Notification.Service,
    _ feed: PublicationFacts.Feed
  ) -> PublishReport.Notification {
    do {
      _ = try checker.send(message)
      return PublishReport.Notification(service: service, feedURL: feed.url, problem: nil)
    } catch {
      let host = URLComponents(string: message.url)?.host ?? message.url
      return PublishReport.Notification(service: service, feedURL: feed.url, problem: "\(host): \(error)")
    }
  }

  /// Percent-encodes everything but the unreserved characters (RFC 3986 §2.3).
  static func formEncode(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
  }
}
