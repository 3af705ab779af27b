import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Real headless Chromium, driven through chromedriver (W3C WebDriver) for tests of generated pages:
/// scripts, clicks, keys, screenshots, and every URL the page asked for.
///
/// Each value starts its own chromedriver on a free port of 127.0.0.1 and its own browser with a
/// fresh profile in a temporary folder; `close()`, which `deinit` calls too, ends both. The browser
/// resolves no host name but 127.0.0.1, so a page cannot reach the network: other hosts fail, yet
/// still show in `requestedURLs()`. Every call is synchronous and answers within 30 seconds.
public final class Browser: @unchecked Sendable {
  /// An element of the page, as WebDriver names it.
  public struct Element: Sendable, Hashable {
    public let id: String
    /// The WebDriver reference, to pass an element to a script.
    public var json: JSONValue { [Browser.elementKey: .string(id)] }
  }

  /// The shadow root of an element, to search inside it.
  public struct ShadowRoot: Sendable, Hashable {
    public let id: String
  }

  /// A WebDriver error, or chromedriver not answering.
  public struct Failure: Error, CustomStringConvertible {
    /// The call, such as `POST /element/{id}/click`.
    public var command: String
    /// The WebDriver error code, such as `no such element`, or `timeout`.
    public var error: String
    public var message: String
    public var description: String { "\(command): \(error): \(message)" }
  }

  /// WebDriver key codes, for `sendKeys`.
  public enum Key {
    public static let backspace = "\u{E003}"
    public static let tab = "\u{E004}"
    public static let enter = "\u{E007}"
    /// Held down until the end of the `sendKeys` string, as are `control`, `alt` and `meta`.
    public static let shift = "\u{E008}"
    public static let control = "\u{E009}"
    public static let alt = "\u{E00A}"
    public static let escape = "\u{E00C}"
    public static let space = "\u{E00D}"
    public static let end = "\u{E010}"
    public static let home = "\u{E011}"
    public static let arrowLeft = "\u{E012}"
    public static let arrowUp = "\u{E013}"
    public static let arrowRight = "\u{E014}"
    public static let arrowDown = "\u{E015}"
    public static let meta = "\u{E03D}"
  }

  static let elementKey = "element-6066-11e4-a52e-4f735466cecf"
  static let shadowKey = "shadow-6066-11e4-a52e-4f735466cecf"

  /// The chromedriver port on 127.0.0.1.
  public let port: UInt16
  /// The WebDriver session.
  public let sessionID: String
  /// The shell that supervises chromedriver, and the pipe whose closing tells it to end everything.
  private let supervisor: Process
  private let lifeline: FileHandle
  private let folder: TemporaryFolder
  private let lock = NSLock()
  private var closed = false
  /// The performance log's request and WebSocket events read so far (the log gives each entry once).
  private var network: [(method: String, params: JSONValue)] = []

  /// Starts chromedriver and a headless browser whose window is `width` × `height`: screenshots and
  /// `innerWidth` are `width` pixels wide, but headless Chromium keeps 143 pixels of the height for
  /// its invisible toolbars (800 × 600 gives an 800 × 457 viewport). `arguments` go to Chromium after the harness's own, such as `--lang=nl` or
  /// `--force-prefers-reduced-motion`. Takes about half a second.
  public init(width: Int = 1280, height: Int = 800, arguments: [String] = []) throws {
    guard let driverPath = Self.chromedriverPath, let binary = Self.chromiumBinary else {
      throw Failure(command: "start", error: "not available", message: "chromium and chromedriver must be on PATH or in /usr/bin")
    }
    let folder = try TemporaryFolder("podium-browser")
    let args = [
      "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-default-apps",
      "--autoplay-policy=no-user-gesture-required", "--mute-audio", "--window-size=\(width),\(height)",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
      "--user-data-dir=\(folder.url.appendingPathComponent("profile").path)",
    ] + arguments
    let capabilities: JSONValue = [
      "capabilities": [
        "alwaysMatch": [
          "goog:chromeOptions": [
            "binary": .string(binary), "args": .array(args.map(JSONValue.string)),
            "perfLoggingPrefs": ["enableNetwork": true, "enablePage": false],
            // Start on about:blank: Debian's default first tab is a new tab page of some 80 chrome:// requests.
            "prefs": ["session": ["restore_on_startup": 4, "startup_urls": ["about:blank"]]],
          ],
          "goog:loggingPrefs": ["performance": "ALL"],
          "pageLoadStrategy": "normal",
          "timeouts": ["implicit": 0, "pageLoad": 20_000, "script": 10_000],
        ]
      ]
    ]
    let log = folder.url.appendingPathComponent("chromedriver.log")
    let (supervisor, lifeline, port) = try Self.startDriver(driverPath, log: log)
    do {
      let answer = try Self.send(port, "POST", "/session", capabilities, timeout: 30)
      guard let session = answer["sessionId"]?.string else {
        throw Failure(command: "POST /session", error: "invalid response", message: answer.jsonText)
      }
      sessionID = session
    } catch var failure as Failure {
      Self.end(supervisor, lifeline)
      let tail = (try? String(contentsOf: log, encoding: .utf8)).map { String($0.suffix(2000)) } ?? ""
      failure.message += tail.isEmpty ? "" : "\nchromedriver log:\n\(tail)"
      throw failure
    } catch {
      Self.end(supervisor, lifeline)
      throw error
    }
    self.supervisor = supervisor
    self.lifeline = lifeline
    self.port = port
    self.folder = folder
    // Start the request log afresh.
    _ = try networkEvents()
    lock.withLock { network = [] }
  }

  deinit { close() }

  /// Ends the session, the browser and chromedriver; later calls fail. Safe to call twice.
  public func close() {
    let first = lock.withLock {
      defer { closed = true }
      return !closed
    }
    guard first else { return }
    // Quits the browser cleanly; if that fails, the supervisor's group kill still ends it.
    _ = try? Self.send(port, "DELETE", "/session/\(sessionID)", nil, timeout: 15)
    Self.end(supervisor, lifeline)
  }

  // MARK: Availability

  /// True when chromium and chromedriver are on PATH or in /usr/bin.
  public static var isAvailable: Bool { chromiumPath != nil && chromedriverPath != nil }

  /// For `.enabled(if:)`: true when the browser is available, and always on CI (`CI` set), so a CI
  /// image without it fails loudly instead of skipping.
  public static var testsEnabled: Bool { isAvailable || ProcessInfo.processInfo.environment["CI"] != nil }

  public static var chromiumPath: String? {
    find(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"])
  }

  public static var chromedriverPath: String? { find(["chromedriver"]) }

  /// The browser binary chromedriver starts: on Debian the real one behind the /usr/bin/chromium
  /// shell script, which only adds flags (and a warning) from /etc/chromium.d.
  static var chromiumBinary: String? {
    let debian = "/usr/lib/chromium/chromium"
    if chromiumPath == "/usr/bin/chromium", FileManager.default.isExecutableFile(atPath: debian) { return debian }
    return chromiumPath
  }

  private static func find(_ names: [String]) -> String? {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin"]
    for name in names {
      for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
        return folder + "/" + name
      }
    }
    return nil
  }

  // MARK: Pages and scripts

  /// Navigates to `url` and returns once the page has loaded. On a machine busy with other
  /// tests, chromedriver can give up waiting for the renderer (its own timeout, not the page's)
  /// while the page is still loading; navigating again would start that load over, so the page
  /// already on its way is waited for instead, up to a minute more, until its document is
  /// parsed (a subresource still loading is the caller's to wait for, as its own conditions do).
  /// A navigation that fails for another reason fails at once.
  public func open(_ url: String) throws {
    do {
      try command("POST", "/url", ["url": .string(url)])
    } catch let failure as Failure where failure.error == "timeout" {
      try waitUntil(timeout: 60, "return document.readyState !== 'loading' && location.href !== 'about:blank'")
    }
  }

  public func currentURL() throws -> String { try command("GET", "/url").string ?? "" }

  /// Runs `script` as a function body with `arguments` (`arguments[0]`…) and returns what it returns;
  /// a returned element comes back as its reference (see `JSONValue.element`).
  @discardableResult
  public func execute(_ script: String, _ arguments: JSONValue...) throws -> JSONValue {
    try execute(script, arguments: arguments)
  }

  @discardableResult
  public func execute(_ script: String, arguments: [JSONValue]) throws -> JSONValue {
    try command("POST", "/execute/sync", ["script": .string(script), "args": .array(arguments)])
  }

  /// Runs `script` with a callback as its last argument, and returns what it passes to the callback;
  /// fails after 10 seconds without a call.
  @discardableResult
  public func executeAsync(_ script: String, _ arguments: JSONValue...) throws -> JSONValue {
    try command("POST", "/execute/async", ["script": .string(script), "args": .array(arguments)])
  }

  public func executeString(_ script: String, _ arguments: JSONValue...) throws -> String? {
    try execute(script, arguments: arguments).string
  }

  public func executeBool(_ script: String, _ arguments: JSONValue...) throws -> Bool? {
    try execute(script, arguments: arguments).bool
  }

  public func executeInt(_ script: String, _ arguments: JSONValue...) throws -> Int? {
    try execute(script, arguments: arguments).int
  }

  /// Polls `condition`, a function body like `execute`'s, every 50 ms until it returns a truthy
  /// value; fails with `timeout` after `timeout` seconds, quoting the last script error if any.
  public func waitUntil(timeout: Double = 5, _ condition: String, _ arguments: JSONValue...) throws {
    let script = "return !!(function() {\n\(condition)\n}).apply(this, arguments)"
    let deadline = Date().addingTimeInterval(timeout)
    var lastError: (any Error)?
    while true {
      do {
        if try execute(script, arguments: arguments) == .bool(true) { return }
        lastError = nil
      } catch {
        lastError = error
      }
      guard Date() < deadline else { break }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw Failure(
      command: "waitUntil", error: "timeout",
      message: "not true within \(timeout) s: \(condition)" + (lastError.map { "\nlast error: \($0)" } ?? ""))
  }

  // MARK: Elements

  /// The first element matching `selector`; fails with `no such element`.
  public func findElement(css selector: String) throws -> Element { try find("", selector) }
  public func findElements(css selector: String) throws -> [Element] { try findAll("", selector) }

  /// The first descendant of `element` matching `selector`.
  public func findElement(css selector: String, in element: Element) throws -> Element {
    try find("/element/\(element.id)", selector)
  }

  public func findElements(css selector: String, in element: Element) throws -> [Element] {
    try findAll("/element/\(element.id)", selector)
  }

  /// The open shadow root of `element`; fails with `no such shadow root`.
  public func shadowRoot(of element: Element) throws -> ShadowRoot {
    let value = try command("GET", "/element/\(element.id)/shadow")
    guard let id = value[Self.shadowKey]?.string else {
      throw Failure(command: "GET /element/{id}/shadow", error: "invalid response", message: value.jsonText)
    }
    return ShadowRoot(id: id)
  }

  /// The first element matching `selector` inside a shadow root.
  public func findElement(css selector: String, in root: ShadowRoot) throws -> Element {
    try find("/shadow/\(root.id)", selector)
  }

  public func findElements(css selector: String, in root: ShadowRoot) throws -> [Element] {
    try findAll("/shadow/\(root.id)", selector)
  }

  /// The focused element (`document.activeElement`).
  public func activeElement() throws -> Element { try element(command("GET", "/element/active")) }

  /// Scrolls `element` into view and clicks its centre, as a user would; fails when something else
  /// covers it (`element click intercepted`) or it cannot be clicked.
  public func click(_ element: Element) throws { try command("POST", "/element/\(element.id)/click") }

  /// The rendered text of `element`.
  public func text(of element: Element) throws -> String { try command("GET", "/element/\(element.id)/text").string ?? "" }

  /// The attribute `name` of `element`, nil when absent.
  public func attribute(_ name: String, of element: Element) throws -> String? {
    try command("GET", "/element/\(element.id)/attribute/\(name)").string
  }

  /// Types `keys` into the focused element with the Actions API, one key press per character:
  /// text, or `Key` codes such as `Key.tab + Key.enter`. `Key.shift` and the other modifiers stay
  /// down until the end of `keys`.
  public func sendKeys(_ keys: String) throws {
    let modifiers: Set<String> = [Key.shift, Key.control, Key.alt, Key.meta]
    var actions: [JSONValue] = []
    var held: [String] = []
    for character in keys {
      let key = JSONValue.string(String(character))
      actions.append(["type": "keyDown", "value": key])
      if modifiers.contains(String(character)) {
        held.append(String(character))
      } else {
        actions.append(["type": "keyUp", "value": key])
      }
    }
    actions += held.reversed().map { ["type": "keyUp", "value": .string($0)] }
    try command("POST", "/actions", ["actions": [["type": "key", "id": "keyboard", "actions": .array(actions)]]])
    try command("DELETE", "/actions")
  }

  // MARK: Window and screenshots

  /// A PNG of the viewport.
  public func screenshot() throws -> Data {
    let value = try command("GET", "/screenshot")
    guard let text = value.string, let data = Data(base64Encoded: text) else {
      throw Failure(command: "GET /screenshot", error: "invalid response", message: "not base64")
    }
    return data
  }

  /// Resizes the window; screenshots are then `width` wide.
  public func setWindowSize(width: Int, height: Int) throws {
    try command("POST", "/window/rect", ["width": .number(Double(width)), "height": .number(Double(height))])
  }

  /// The width and height in a PNG's IHDR chunk; nil when `data` is not a PNG.
  public static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
    let bytes = [UInt8](data.prefix(24))
    guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
      bytes[12..<16] == Array("IHDR".utf8)[...]
    else { return nil }
    func integer(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
    return (integer(16), integer(20))
  }

  // MARK: Network

  /// Every URL the browser has asked for since it started, in order, from the performance log's
  /// `Network.requestWillBeSent` events: pages, frames (cross-origin ones too), scripts, media,
  /// fetches, redirect targets, `data:` URLs, and requests that failed (an unresolvable host, a
  /// refused connection). Chromium's own `chrome://` pages are left out.
  public func requestedURLs() throws -> [String] {
    try networkEvents().compactMap { event in
      guard event.method == "Network.requestWillBeSent", let url = event.params["request"]?["url"]?.string,
        !url.hasPrefix("chrome:"), !url.hasPrefix("chrome-untrusted:"), !url.hasPrefix("devtools:")
      else { return nil }
      return url
    }
  }

  /// The URL of every WebSocket whose opening handshake the server answered, in order (a page
  /// that reloads and opens its socket again adds one more).
  public func webSocketHandshakes() throws -> [String] {
    var urls: [String: String] = [:]
    return try networkEvents().compactMap { event in
      guard let id = event.params["requestId"]?.string else { return nil }
      if event.method == "Network.webSocketCreated" { urls[id] = event.params["url"]?.string }
      return event.method == "Network.webSocketHandshakeResponseReceived" ? urls[id] : nil
    }
  }

  private static let keptEvents: Set = [
    "Network.requestWillBeSent", "Network.webSocketCreated", "Network.webSocketHandshakeResponseReceived",
  ]

  /// The request and WebSocket events of the performance log since the browser started.
  private func networkEvents() throws -> [(method: String, params: JSONValue)] {
    let entries: JSONValue
    do {
      entries = try command("POST", "/se/log", ["type": "performance"])
    } catch let failure as Failure where failure.error == "unknown command" {
      entries = try command("POST", "/log", ["type": "performance"])
    }
    var events: [(method: String, params: JSONValue)] = []
    for entry in entries.array ?? [] {
      guard let text = entry["message"]?.string, let message = (try? JSONValue(parsing: Data(text.utf8)))?["message"],
        let method = message["method"]?.string, Self.keptEvents.contains(method), let params = message["params"]
      else { continue }
      events.append((method, params))
    }
    return lock.withLock {
      network += events
      return network
    }
  }

  /// Waits until the browser has asked for `url`; returns every URL asked for so far.
  @discardableResult
  public func waitForRequest(_ url: String, timeout: Double = 5) throws -> [String] {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let urls = try requestedURLs()
      if urls.contains(url) { return urls }
      guard Date() < deadline else {
        throw Failure(command: "waitForRequest", error: "timeout", message: "\(url) not requested within \(timeout) s; got \(urls)")
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
  }

  // MARK: WebDriver

  @discardableResult
  private func command(_ method: String, _ path: String, _ body: JSONValue? = nil) throws -> JSONValue {
    guard !lock.withLock({ closed }) else {
      throw Failure(command: "\(method) \(path)", error: "closed", message: "the browser was closed")
    }
    return try Self.send(port, method, "/session/\(sessionID)\(path)", body, timeout: 30)
  }

  private func element(_ value: JSONValue) throws -> Element {
    guard let element = value.element else {
      throw Failure(command: "element", error: "invalid response", message: value.jsonText)
    }
    return element
  }

  private func find(_ context: String, _ selector: String) throws -> Element {
    try element(command("POST", "\(context)/element", ["using": "css selector", "value": .string(selector)]))
  }

  private func findAll(_ context: String, _ selector: String) throws -> [Element] {
    let value = try command("POST", "\(context)/elements", ["using": "css selector", "value": .string(selector)])
    return try (value.array ?? []).map(element)
  }

  /// Sends one WebDriver command and returns its `value`; a non-200 answer throws its error.
  private static func send(_ port: UInt16, _ method: String, _ path: String, _ body: JSONValue?, timeout: Double) throws
    -> JSONValue
  {
    let label = method + " " + path.replacingOccurrences(of: #"^/session/[0-9a-f]+"#, with: "", options: .regularExpression)
    let data = try body.map { try JSONEncoder().encode($0) } ?? (method == "POST" ? Data("{}".utf8) : nil)
    let (status, answer) = try HTTPClient.exchange(port: port, method: method, path: path, body: data, timeout: timeout, label: label)
    guard let value = (try? JSONValue(parsing: answer))?["value"] else {
      throw Failure(command: label, error: "invalid response", message: "HTTP \(status): " + String(decoding: answer.prefix(500), as: UTF8.self))
    }
    guard status == 200 else {
      throw Failure(command: label, error: value["error"]?.string ?? "HTTP \(status)", message: value["message"]?.string ?? value.jsonText)
    }
    return value
  }

  /// Runs chromedriver under `/bin/sh`, which Foundation starts in a process group of its own: when
  /// chromedriver exits, or the pipe on the shell's standard input closes (`close()`, or the test
  /// process ending in any way, even killed), the shell kills chromedriver, reaps it, and kills its
  /// group, so no browser outlives the tests. SIGKILL throughout, as chromedriver leaves the browser
  /// running on SIGTERM. `kill -KILL -$$` is a no-op unless the shell leads its group.
  private static let supervisorScript = """
    exec 3<&0 </dev/null
    "$@" >/dev/null 2>&1 3<&- &
    driver=$!
    { read -r line <&3; kill -KILL $driver; } 2>/dev/null &
    watcher=$!
    exec 3<&-
    wait $driver
    kill -KILL $watcher 2>/dev/null
    wait $watcher
    kill -KILL -$$
    """

  /// Starts chromedriver on a free port and waits until it is ready; retries when the port was taken.
  private static func startDriver(_ path: String, log: URL) throws -> (Process, FileHandle, UInt16) {
    var lastError: any Error = Failure(command: "start", error: "unknown error", message: "chromedriver did not start")
    for _ in 0..<3 {
      let port = try TestHTTPServer.unusedPort()
      let process = Process()
      let lifeline = Pipe()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = [
        "-c", supervisorScript, "podium-chromedriver", path, "--port=\(port)", "--allowed-ips=",
        "--log-path=\(log.path)", "--log-level=WARNING",
      ]
      process.standardInput = lifeline
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try withCleanSignalMask { try process.run() }
      let deadline = Date().addingTimeInterval(10)
      while process.isRunning, Date() < deadline {
        if (try? send(port, "GET", "/status", nil, timeout: 2))?["ready"] == true {
          return (process, lifeline.fileHandleForWriting, port)
        }
        Thread.sleep(forTimeInterval: 0.02)
      }
      lastError = Failure(
        command: "start", error: "unknown error",
        message: process.isRunning ? "chromedriver not ready within 10 s" : "chromedriver exited at once")
      end(process, lifeline.fileHandleForWriting)
    }
    throw lastError
  }

  /// Runs `body` with no signal blocked on this thread. A child inherits the mask of the thread that
  /// spawns it, and Swift Testing's threads block nearly every signal: chromedriver would ignore
  /// SIGTERM and Ctrl-C, and the shell's `wait`, which waits in `sigsuspend` for a blocked SIGCHLD,
  /// would never return.
  private static func withCleanSignalMask<T>(_ body: () throws -> T) rethrows -> T {
    var empty = sigset_t()
    var saved = sigset_t()
    sigemptyset(&empty)
    pthread_sigmask(SIG_SETMASK, &empty, &saved)
    defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
    return try body()
  }

  /// Closes the lifeline, so the supervisor kills everything, and waits until it has been reaped.
  private static func end(_ supervisor: Process, _ lifeline: FileHandle) {
    try? lifeline.close()
    let deadline = Date().addingTimeInterval(5)
    while supervisor.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
    guard supervisor.isRunning else { return }
    kill(-supervisor.processIdentifier, SIGKILL)
    kill(supervisor.processIdentifier, SIGKILL)
    while supervisor.isRunning { Thread.sleep(forTimeInterval: 0.005) }
  }
}

extension JSONValue {
  /// The element a WebDriver reference names, as a script returns it.
  public var element: Browser.Element? { self[Browser.elementKey]?.string.map(Browser.Element.init) }
}

/// A minimal HTTP/1.1 client for chromedriver on 127.0.0.1: one connection per request, with a deadline.
private enum HTTPClient {
  static func exchange(port: UInt16, method: String, path: String, body: Data?, timeout: Double, label: String) throws
    -> (Int, Data)
  {
    func failure(_ error: String, _ message: String) -> Browser.Failure {
      Browser.Failure(command: label, error: error, message: message)
    }
    let deadline = Date().addingTimeInterval(timeout)
    func remaining() -> Int32 { Int32(max(0, min(Double(Int32.max), deadline.timeIntervalSinceNow * 1000))) }
    #if canImport(Glibc)
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      let flags = Int32(MSG_NOSIGNAL)
    #else
      let fd = socket(AF_INET, SOCK_STREAM, 0)
      let flags: Int32 = 0
    #endif
    guard fd >= 0 else { throw failure("socket", String(cString: strerror(errno))) }
    defer { close(fd) }
    #if canImport(Darwin)
      var yes: Int32 = 1
      setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
    #endif
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw failure("connection failed", String(cString: strerror(errno))) }

    var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: application/json\r\nConnection: close\r\n"
    if let body { head += "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\n" }
    let request = [UInt8]((head + "\r\n").utf8) + [UInt8](body ?? Data())
    var sent = 0
    while sent < request.count {
      var entry = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
      guard poll(&entry, 1, remaining()) > 0 else { throw failure("timeout", "could not send within \(timeout) s") }
      let count = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, flags) }
      guard count > 0 else { throw failure("connection failed", String(cString: strerror(errno))) }
      sent += count
    }

    var answer: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    var expected: Int?  // header bytes + Content-Length, once the header is in
    var status = 0
    while expected.map({ answer.count < $0 }) ?? true {
      var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      guard poll(&entry, 1, remaining()) > 0 else { throw failure("timeout", "no answer within \(timeout) s") }
      let count = recv(fd, &chunk, chunk.count, 0)
      guard count > 0 else { break }
      answer += chunk[0..<count]
      if expected == nil, let end = answer.firstRange(of: [13, 10, 13, 10]) {
        let lines = String(decoding: answer[..<end.lowerBound], as: UTF8.self).split(separator: "\r\n")
        status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        for line in lines.dropFirst() {
          let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
          if parts.count == 2, parts[0] == "content-length", let length = Int(parts[1]) { expected = end.upperBound + length }
          if parts.count == 2, parts[0] == "transfer-encoding", parts[1] != "identity" {
            throw failure("invalid response", "unsupported Transfer-Encoding \(parts[1])")
          }
        }
        if expected == nil { expected = .max }  // until the connection closes
      }
    }
    guard let end = answer.firstRange(of: [13, 10, 13, 10]), status > 0 else {
      throw failure("invalid response", "no HTTP answer: " + String(decoding: answer.prefix(200), as: UTF8.self))
    }
    return (status, Data(answer[end.upperBound...]))
  }
}
