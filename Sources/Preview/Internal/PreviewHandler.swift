import FlyingFox
import Foundation
import PodcastVocabulary

/// Routes a request: `/feeds/…` from the last good build's folder, `/media/…` from the
/// catalogue's own files that build names (read in place, never copied), `/` the start page, and `/_podium/` the
/// reload script and socket. Only GET and HEAD (and CORS preflights) are answered.
struct PreviewHandler: HTTPHandler {
  static let feedsPrefix = "feeds"
  static let mediaPrefix = "media"

  let state: ServedState
  let catalogue: URL
  let hub: ReloadHub

  func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
    // Any origin may read: the web component runs on other sites. Every answer is checked again
    // before use, so a rebuild shows at once.
    var headers: HTTPHeaders = [
      HTTPHeader("Access-Control-Allow-Origin"): "*",
      HTTPHeader("Access-Control-Expose-Headers"): "Content-Length, Content-Range, Accept-Ranges, ETag",
      .cacheControl: "no-cache",
      .date: HTTPDate.string(Date()),
    ]
    switch request.method {
    case .GET, .HEAD: break
    case .OPTIONS:
      headers[HTTPHeader("Access-Control-Allow-Methods")] = "GET, HEAD, OPTIONS"
      headers[HTTPHeader("Access-Control-Allow-Headers")] = "Range, If-None-Match, If-Modified-Since, If-Range"
      headers[HTTPHeader("Access-Control-Max-Age")] = "600"
      return HTTPResponse(statusCode: .noContent, headers: headers)
    default:
      headers[HTTPHeader("Allow")] = "GET, HEAD, OPTIONS"
      return text(.methodNotAllowed, "only GET and HEAD are served", headers)
    }
    guard let path = RequestPath(rawPath: request.target.path()) else {
      return text(.badRequest, "this path is not served", headers)
    }
    let served = state.snapshot
    switch path.segments.first {
    case nil:
      let page = try served.failure.map { try LivePage.failure($0.findings, error: $0.error, build: served.generation) }
      return try html(try page ?? LivePage.start(served.shows, build: served.generation), failed: page != nil, request, headers)
    case "_podium":
      if path.rest == ["reload"], !path.isFolder {
        let state = self.state
        let client = ReloadHub.Client(
          hub: hub, seen: request.query.first { $0.name == "build" }.flatMap { Int($0.value) },
          current: { state.snapshot.generation })
        return try await WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: client)).handleRequest(request)
      }
      if path.rest == ["reload.js"], !path.isFolder {
        headers[.contentType] = MediaTypes.contentType(forPath: LivePage.scriptPath)
        return respond(.ok, Data(LivePage.script.utf8), request, headers)
      }
    case Self.feedsPrefix:
      guard let folder = served.folder else { break }
      return try file(path, in: folder, request, headers, served: served)
    case Self.mediaPrefix:
      // Only the files the served build names: not a draft's, a scheduled episode's or a stray
      // one. Then only media and images, judged by the file found, as a link named like a media
      // file may point at any other: the catalogue's YAML and Markdown are never served.
      guard !path.isFolder, served.media.contains(path.rest.joined(separator: "/")) else { break }
      return try file(path, in: catalogue, request, headers, served: nil) { url in
        let type = MediaTypes.contentType(forPath: url.path)
        return ["audio/", "video/", "image/"].contains(where: type.hasPrefix) || type == "application/pdf"
      }
    default: break
    }
    return text(.notFound, "not found", headers)
  }

  private func file(
    _ path: RequestPath, in root: URL, _ request: HTTPRequest, _ headers: HTTPHeaders, served: ServedState.Snapshot?,
    only isServed: (URL) -> Bool = { _ in true }
  ) throws -> HTTPResponse {
    switch ServedFile.find(path.rest, isFolder: path.isFolder, in: root) {
    case .missing:
      return text(.notFound, "not found", headers)
    case .file(let url) where !isServed(url):
      return text(.notFound, "not found", headers)
    case .folder:
      var headers = headers
      headers[.location] = request.target.path() + "/"
      return HTTPResponse(statusCode: .movedPermanently, headers: headers)
    case .file(let url):
      let contentType = MediaTypes.contentType(forPath: url.path)
      guard contentType.hasPrefix("text/html") else {
        return try FileResponse(file: url, contentType: contentType).response(to: request, headers: headers)
      }
      let build = served?.generation ?? 0
      if let failure = served?.failure {
        return try html(LivePage.failure(failure.findings, error: failure.error, build: build), failed: true, request, headers)
      }
      let built = try FileResponse(file: url, contentType: contentType)
      let live = FileResponse(
        data: try LivePage.injecting(into: try Data(contentsOf: url), build: build), from: built, mark: "live\(build)")
      return try live.response(to: request, headers: headers)
    }
  }

  /// A page of the server's own; while the last build failed, the error page, never cached.
  private func html(_ page: String, failed: Bool, _ request: HTTPRequest, _ headers: HTTPHeaders) throws -> HTTPResponse {
    var headers = headers
    headers[.contentType] = MediaTypes.contentType(forPath: "index.html")
    headers[.cacheControl] = "no-store"
    return respond(failed ? .internalServerError : .ok, Data(page.utf8), request, headers)
  }

  private func text(_ status: HTTPStatusCode, _ message: String, _ headers: HTTPHeaders) -> HTTPResponse {
    var headers = headers
    headers[.contentType] = MediaTypes.contentType(forPath: "message.txt")
    return HTTPResponse(statusCode: status, headers: headers, body: Data((message + "\n").utf8))
  }

  private func respond(_ status: HTTPStatusCode, _ body: Data, _ request: HTTPRequest, _ headers: HTTPHeaders) -> HTTPResponse {
    guard request.method == .HEAD else { return HTTPResponse(statusCode: status, headers: headers, body: body) }
    var headers = headers
    headers[.contentLength] = String(body.count)
    return HTTPResponse(statusCode: status, headers: headers)
  }
}
