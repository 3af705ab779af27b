import Foundation
import LinkCheck
import ObjectStore
import Parallel

/// Checks uploaded objects as an app will find them: the store's own HEAD for every one (there,
/// whole, the same bytes), and for new media the public URL with HEAD and a small range GET, when
/// the public host can be reached from here.
struct UploadCheck {
  let store: any ObjectStore
  let options: PublishOptions

  struct Outcome {
    var warnings: [String] = []
    var failure: PublishReport.Failure?
  }

  func run(_ items: [PublishItem]) -> Outcome {
    var outcome = Outcome()
    let answers = Self.head(items.map(\.key), in: store, workers: max(1, options.concurrentUploads))
    for (item, answer) in zip(items, answers) {
      switch answer {
      case nil:
        continue  // not asked: an earlier answer failed, and is reported below
      case .failure(let error):
        outcome.failure = PublishReport.Failure(
          error, key: item.key, doing: "checking \(item.key) in \(store.location)", location: store.location)
        return outcome
      case .success(nil):
        outcome.failure = PublishReport.Failure(
          key: item.key, message: "\(item.key) was uploaded to \(store.location) but is not there when asked for")
        return outcome
      case .success(let object?):
        if object.size != item.size || (object.sha256.map { $0 != item.sha256 } ?? false) {
          outcome.failure = PublishReport.Failure(
            key: item.key,
            message: "\(item.key) in \(store.location) is not what was uploaded: \(object.size) bytes there, "
              + "\(item.size) sent")
          return outcome
        }
      }
    }
    let media = items.filter { $0.kind == .media }
    guard !media.isEmpty else { return outcome }
    let requests = media.map { item in
      LinkRequest(url: reachable(item.publicURL), kind: .enclosure, expectedLength: item.size, expectedType: item.contentType)
    }
    var unreachable: Set<String> = []
    // Loopback only when the address checked is on this machine by name: a public host that
    // resolves to 127.0.0.1 here is not the public server.
    var configuration = options.http
    configuration.allowLoopback = requests.allSatisfy { Self.isLoopback($0.url) }
    for (item, result) in zip(media, LinkChecker(configuration: configuration).check(requests)) {
      let url = result.request.url
      if let error = result.error {
        switch error {
        case .unresolvableHost, .connectionRefused, .refusedAddress:
          // Not online yet (a new host, DNS not set up): the store's answer is all there is.
          let host = URLComponents(string: url)?.host ?? url
          if unreachable.insert(host).inserted {
            outcome.warnings.append(
              "\(host) can't be reached from here (\(error)), so the uploads were checked in the store only, "
                + "not through their public URLs")
          }
          continue
        default:
          outcome.failure = PublishReport.Failure(
            key: item.key, message: "\(item.key) is uploaded, but its public URL \(url) fails: \(error)")
          return outcome
        }
      }
      guard let status = result.status, (200..<300).contains(status) else {
        outcome.failure = PublishReport.Failure(
          key: item.key,
          message: "\(item.key) is uploaded, but its public URL \(url) answers "
            + (result.status.map { "HTTP \($0)" } ?? "nothing"))
        return outcome
      }
      if let length = result.contentLength, length != item.size {
        outcome.failure = PublishReport.Failure(
          key: item.key,
          message: "\(item.key) is uploaded, but its public URL \(url) gives \(length) bytes instead of \(item.size): "
            + "a cache in front of the store may still hold an old copy")
        return outcome
      }
      if result.rangeSupported == false {
        outcome.warnings.append(
          "\(url) does not answer byte-range requests (Range: bytes=0-1 got the whole file); podcast apps seek in media "
            + "that way, and Apple requires it")
      }
    }
    return outcome
  }

  /// The store's HEAD of each key, a few at a time on threads of their own (they wait on the
  /// network, as uploads do): one after the other, a publish of 10,000 files would wait for 10,000
  /// round trips. After a failure no new HEAD starts, and those not asked stay nil.
  private static func head(_ keys: [String], in store: any ObjectStore, workers: Int)
    -> [Result<StoredObject?, ObjectStoreError>?]
  {
    BlockingMap.map(keys, workers: workers, stoppingAfter: { answer in
      if case .failure = answer { return true }
      return false
    }) { key in Result { () throws(ObjectStoreError) in try store.head(key) } }
  }

  static func isLoopback(_ url: String) -> Bool {
    guard let host = URLComponents(string: url)?.host?.lowercased() else { return false }
    return host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
  }

  /// The URL to check a public URL at (``PublishOptions/checkThrough``).
  private func reachable(_ url: String) -> String {
    for (base, address) in options.checkThrough where url.hasPrefix(base) {
      return address + url.dropFirst(base.count)
    }
    return url
  }
}
