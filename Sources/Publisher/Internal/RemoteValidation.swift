import Catalogue
import Diagnostics
import Foundation
import LinkCheck

/// Checks every public URL of the catalogue with libcurl, skipping those checked recently.
struct RemoteValidation {
  let catalogue: Catalogue
  let now: Timestamp
  let options: RemoteOptions

  func run() -> (findings: [Finding], checks: [BuildReport.RemoteCheck]) {
    let targets = RemoteTargets(catalogue: catalogue, now: now).all()
    let clock = Date().timeIntervalSince1970
    var cache = RemoteCache(file: options.cacheFile ?? RemoteCache.defaultFile, lifetime: options.cacheLifetime)
    var findings: [Finding] = []
    var checks: [BuildReport.RemoteCheck] = []
    var requests: [LinkRequest] = []
    for target in targets {
      let key = RemoteCache.key(url: target.url, length: target.expectedLength, type: target.expectedType)
      if let cached = cache.fresh(key, at: clock) {
        findings += cached.map { relocated($0, to: target.location) }
        checks.append(BuildReport.RemoteCheck(url: target.url, fromCache: true))
      } else {
        requests.append(LinkRequest(
          url: target.url, kind: LinkRequest.Kind(rawValue: target.kind.rawValue) ?? .other,
          expectedLength: target.expectedLength, expectedType: target.expectedType, location: target.location))
      }
    }
    let results = LinkChecker(configuration: options.configuration).check(requests, progress: options.progress)
    for result in results {
      let key = RemoteCache.key(
        url: result.request.url, length: result.request.expectedLength, type: result.request.expectedType)
      findings += result.findings
      checks.append(BuildReport.RemoteCheck(url: result.request.url, status: result.status, timeToFirstByte: result.timeToFirstByte))
      cache.store(key, findings: result.findings, at: clock)
    }
    cache.save(at: clock)
    return (findings, checks)
  }

  /// A cached finding, pointed at where the catalogue declares the URL today.
  private func relocated(_ finding: Finding, to location: SourceLocation) -> Finding {
    var moved = finding
    moved.location = location
    return moved
  }
}
