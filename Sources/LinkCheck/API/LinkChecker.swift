/// Checks the servers behind a show's URLs with libcurl, many at once, and fetches single documents.
/// A value holds only its configuration: each call builds and tears down its own libcurl state, so
/// calls from different threads do not interfere. Calls block until done.
public struct LinkChecker: Sendable {
  public var configuration: LinkCheckConfiguration

  public init(configuration: LinkCheckConfiguration = LinkCheckConfiguration()) {
    self.configuration = configuration
  }

  /// Checks every URL: HEAD, a ranged GET, redirects, sizes and types. Each distinct URL is
  /// requested once, however many requests name it.
  ///
  /// - Parameters:
  ///   - requests: The URLs, with what the catalogue declares about them.
  ///   - progress: Called on the calling thread as URLs finish, with requests done and the total.
  /// - Returns: One result per request, in the same order.
  public func check(
    _ requests: [LinkRequest], progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
  ) -> [LinkResult] {
    var order: [String] = []
    var uses: [String: Int] = [:]
    for request in requests {
      if uses[request.url] == nil { order.append(request.url) }
      uses[request.url, default: 0] += 1
    }
    let probes = order.map { LinkProbe(url: $0, configuration: configuration) }
    var done = 0
    let ran = TransferPool(configuration, jobs: probes) { index in
      done += uses[order[index]] ?? 0
      progress?(done, requests.count)
    }
    ran?.run()
    let facts = Dictionary(uniqueKeysWithValues: probes.map { ($0.url, $0.facts) })
    return requests.map { request in
      var result = facts[request.url] ?? LinkResult(request: request, finalURL: request.url)
      result.request = request
      if ran == nil { result.error = .other("libcurl could not start") }
      return result
    }
  }

  /// Fetches a document (a feed for `podium lint URL`) with GET, following redirects but never from
  /// https to http, and aborting once the body passes `maximumBytes`.
  ///
  /// - Parameters:
  ///   - url: An http or https URL.
  ///   - maximumBytes: The largest body accepted, after decompression.
  ///   - range: A byte range to ask for (`"0-99"`, without `bytes=`), sent without asking for
  ///     compression, whose offsets would not be the file's; a server may still answer 200 whole.
  /// - Returns: The body and where it came from.
  /// - Throws: `LinkError`: for an unreachable server, a timeout, a non-2xx status
  ///   (`.http`), a body over the limit (`.tooLarge`), or an unsafe or endless redirect.
  public func fetch(_ url: String, maximumBytes: Int, range: String? = nil) throws(LinkError) -> FetchedDocument {
    let job = DocumentFetch(url: url, maximumBytes: max(0, maximumBytes), range: range, configuration: configuration)
    guard let pool = TransferPool(configuration, jobs: [job], finished: { _ in }) else {
      throw .other("libcurl could not start")
    }
    pool.run()
    return try job.outcome.get()
  }

  /// Fetches several documents as ``fetch(_:maximumBytes:range:)`` does each, up to
  /// `maximumConcurrent` at once, so that many small files (an import's transcripts) don't wait
  /// on each other's round trips.
  ///
  /// - Returns: One outcome per URL, in the same order.
  public func fetch(_ urls: [String], maximumBytes: Int) -> [Result<FetchedDocument, LinkError>] {
    let jobs = urls.map { DocumentFetch(url: $0, maximumBytes: max(0, maximumBytes), configuration: configuration) }
    guard let pool = TransferPool(configuration, jobs: jobs, finished: { _ in }) else {
      return urls.map { _ in .failure(.other("libcurl could not start")) }
    }
    pool.run()
    return jobs.map(\.outcome)
  }
}
