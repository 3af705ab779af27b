import Foundation
import PodiumTestSupport
import Testing

/// The harness against real headless Chromium: a served page, clicks, keys, screenshots, the network.
@Suite(.serialized, .enabled(if: Browser.testsEnabled)) struct BrowserHarnessTests {
  /// A page with a button that adds a video and a third-party image, an iframe, and a shadow root.
  static let page = """
    <!doctype html>
    <html lang="en"><head><meta charset="utf-8"><title>Harness</title>
    <link rel="stylesheet" href="style.css"><script src="app.js" defer></script></head>
    <body>
    <button id="play" type="button">Play</button>
    <input id="name" aria-label="Name">
    <div id="player"></div>
    <iframe id="frame" src="frame.html" title="frame"></iframe>
    <podium-box id="box"></podium-box>
    </body></html>
    """

  static let script = """
    window.clicks = 0;
    document.getElementById('play').addEventListener('click', () => {
      window.clicks += 1;
      if (document.querySelector('video')) return;
      const video = document.createElement('video');
      video.preload = 'auto';
      video.muted = true;
      const source = document.createElement('source');
      source.src = 'media/clip.mp4';
      source.type = 'video/mp4';
      video.append(source);
      document.getElementById('player').append(video);
      const image = new Image();
      image.onerror = () => { window.thirdPartyFailed = true; };
      image.src = 'https://third-party.example/x.png';
      document.body.append(image);
    });
    customElements.define('podium-box', class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML = '<button class="inner">Inner</button>';
        this.shadowRoot.querySelector('button').addEventListener('click', () => { window.innerClicked = true; });
      }
    });
    window.ready = true;
    """

  let folder: TemporaryFolder
  let server: TestHTTPServer

  init() throws {
    folder = try TemporaryFolder("podium-browser-site")
    try folder.write("index.html", Self.page)
    try folder.write("app.js", Self.script)
    try folder.write("style.css", "body { margin: 0; background: #fff; } button { font-size: 20px; }")
    try folder.write("frame.html", "<!doctype html><img src=\"pixel.svg\" alt=\"\">")
    try folder.write("pixel.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>")
    try folder.write("media/clip.mp4", Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
    server = try TestHTTPServer()
    server.serve(directory: folder.url, at: "/site")
  }

  /// Opens the page and waits for its script.
  func start(width: Int = 800, height: Int = 600) throws -> Browser {
    let browser = try Browser(width: width, height: height)
    try browser.open(server.url("/site/"))
    try browser.waitUntil("return window.ready === true")
    return browser
  }

  @Test func queriesTheDomAndClicks() throws {
    let browser = try start()
    #expect(try browser.executeString("return document.title") == "Harness")
    #expect(try browser.execute("return [1, 'two', null, {a: true}]") == [1, "two", nil, ["a": true]])
    #expect(try browser.executeInt("return arguments[0] + arguments[1]", 40, 2) == 42)
    let play = try browser.findElement(css: "#play")
    #expect(try browser.text(of: play) == "Play")
    #expect(try browser.findElements(css: "button").count == 1)
    let missing = #expect(throws: Browser.Failure.self) { try browser.findElement(css: "#missing") }
    #expect(missing?.error == "no such element")

    try browser.click(play)
    try browser.waitUntil("return document.querySelector('#player video') !== null")
    #expect(try browser.executeInt("return window.clicks") == 1)
    let source = try browser.findElement(css: "#player video source")
    #expect(try browser.attribute("src", of: source) == "media/clip.mp4")
    #expect(try browser.execute("return arguments[0].id", play.json) == "play")
    #expect(try browser.execute("return document.getElementById('play')").element == play)

    // Chromium's media stack fetches the video with a range.
    try browser.waitForRequest(server.url("/site/media/clip.mp4"))
    try browser.waitUntil("return document.querySelector('video').networkState !== HTMLMediaElement.NETWORK_EMPTY")
    let deadline = Date().addingTimeInterval(5)
    while !server.requests.contains(where: { $0.path == "/site/media/clip.mp4" && $0.range != nil }), Date() < deadline {
      Thread.sleep(forTimeInterval: 0.05)
    }
    #expect(server.requests.contains { $0.path == "/site/media/clip.mp4" && $0.range == "bytes=0-" })
  }

  @Test func tabAndEnterActivateTheButton() throws {
    let browser = try start()
    try browser.sendKeys(Browser.Key.tab)
    let play = try browser.findElement(css: "#play")
    #expect(try browser.activeElement() == play)
    try browser.sendKeys(Browser.Key.enter)
    try browser.waitUntil("return window.clicks === 1")
    try browser.sendKeys(Browser.Key.space)
    try browser.waitUntil("return window.clicks === 2")
    try browser.sendKeys(Browser.Key.tab + "Hallo!")
    #expect(try browser.activeElement() == browser.findElement(css: "#name"))
    #expect(try browser.executeString("return document.activeElement.value") == "Hallo!")
    try browser.sendKeys(Browser.Key.shift + Browser.Key.tab)
    #expect(try browser.activeElement() == play)
    #expect(try browser.findElements(css: "#player video").count == 1)
  }

  @Test func screenshotIsAPNGAsWideAsTheWindow() throws {
    let browser = try start(width: 800, height: 600)
    let png = try browser.screenshot()
    #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    #expect(Browser.pngSize(png)?.width == 800)
    try browser.setWindowSize(width: 1024, height: 700)
    #expect(Browser.pngSize(try browser.screenshot())?.width == 1024)
    #expect(try browser.executeInt("return window.innerWidth") == 1024)
  }

  @Test func recordsEveryRequestedURLIncludingFailedAndFramed() throws {
    // A frame from another origin, in a renderer process of its own.
    let other = try TestHTTPServer()
    other.route("/frame.html", .text("<img src=\"/inner.png\">", type: "text/html"))
    let browser = try Browser(width: 800, height: 600, arguments: ["--isolate-origins=\(other.baseURL)"])
    try browser.open(server.url("/site/"))
    try browser.waitUntil("return window.ready === true")
    try browser.click(try browser.findElement(css: "#play"))
    try browser.waitUntil("return window.thirdPartyFailed === true")
    try browser.execute(
      "const f = document.createElement('iframe'); f.src = arguments[0]; document.body.append(f)", .string(other.url("/frame.html")))
    try browser.waitForRequest(other.url("/inner.png"))
    let urls = try browser.waitForRequest("https://third-party.example/x.png")
    for path in ["/site/", "/site/app.js", "/site/style.css", "/site/frame.html", "/site/pixel.svg", "/site/media/clip.mp4"] {
      #expect(urls.contains(server.url(path)), "\(path) in \(urls)")
    }
    #expect(urls.contains(other.url("/frame.html")))
    #expect(!urls.contains { $0.hasPrefix("chrome:") })
    // Later calls keep what earlier ones drained from the log.
    #expect(try browser.requestedURLs().starts(with: urls))
  }

  @Test func findsElementsInsideAShadowRoot() throws {
    let browser = try start()
    let host = try browser.findElement(css: "podium-box")
    #expect(throws: Browser.Failure.self) { try browser.findElement(css: "button.inner") }
    let root = try browser.shadowRoot(of: host)
    let inner = try browser.findElement(css: "button.inner", in: root)
    #expect(try browser.findElements(css: "button", in: root) == [inner])
    #expect(try browser.text(of: inner) == "Inner")
    try browser.click(inner)
    #expect(try browser.executeBool("return window.innerClicked === true") == true)
    #expect(throws: Browser.Failure.self) { try browser.shadowRoot(of: browser.findElement(css: "#play")) }
  }

  @Test func fetchesAcrossOriginsWhenTheOtherServerAllowsIt() throws {
    let api = try TestHTTPServer()
    api.route("/data.json", .text(#"{"episodes": 3}"#, type: "application/json"))
    let browser = try start()
    let fetch = """
      const done = arguments[arguments.length - 1];
      fetch(arguments[0], { cache: 'no-store' }).then(r => r.json()).then(j => done('ok ' + j.episodes), e => done('failed ' + e.name));
      """
    #expect(try browser.executeAsync(fetch, .string(api.url("/data.json"))) == "failed TypeError")
    api.extraHeaders = ["Access-Control-Allow-Origin": "*"]
    #expect(try browser.executeAsync(fetch, .string(api.url("/data.json"))) == "ok 3")
    #expect(api.requests.filter { $0.path == "/data.json" }.count == 2)
    #expect(try browser.requestedURLs().filter { $0 == api.url("/data.json") }.count == 2)
  }

  @Test func closingEndsTheBrowser() throws {
    let browser = try Browser(width: 400, height: 300)
    try browser.open("about:blank")
    browser.close()
    browser.close()
    #expect(throws: Browser.Failure.self) { try browser.open("about:blank") }
    #expect(throws: Browser.Failure.self) { try browser.requestedURLs() }
  }
}
