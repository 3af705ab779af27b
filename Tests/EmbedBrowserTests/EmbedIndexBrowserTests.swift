import Catalogue
import Foundation
import PodiumTestSupport
import Testing

/// The video index and the web component in real headless Chromium (Debian's, started by the
/// tests): rendering, playing, the keyboard, the network, hostile host pages and hostile titles.
///
/// `PODIUM_SCREENSHOTS=docs/screenshots swift test --filter EmbedIndexBrowserTests` also writes the
/// screenshots docs/embed.md shows.
@Suite(.serialized, .enabled(if: Browser.testsEnabled), .timeLimit(.minutes(2)))
struct EmbedIndexBrowserTests {
  static let ready = "return document.querySelector('[data-podium-index]').getAttribute('data-podium-state') === 'ready'"
  static let postersLoaded = """
    const images = [...document.querySelectorAll('img.podium-poster')];
    return images.length > 0 && images.every((i) => i.complete && i.naturalWidth > 0)
    """

  func openIndex(_ browser: Browser, _ site: EmbedSite) throws {
    try browser.open(site.indexURL)
    try browser.waitUntil(Self.ready)
    try browser.execute("document.querySelectorAll('img').forEach((i) => { i.loading = 'eager' })")
    try browser.waitUntil(Self.postersLoaded)
  }

  /// Writes a screenshot into the folder `PODIUM_SCREENSHOTS` names, when it is set.
  func keep(_ png: Data, as name: String) throws {
    guard let folder = ProcessInfo.processInfo.environment["PODIUM_SCREENSHOTS"] else { return }
    let url = URL(fileURLWithPath: folder, relativeTo: EmbedSite.repositoryRoot).appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try png.write(to: url)
  }

  @Test func indexRendersAtDesktopAndMobileWidths() throws {
    let site = try EmbedSite()
    let browser = try Browser(width: 1280, height: 900)
    try openIndex(browser, site)
    #expect(try browser.executeInt("return document.querySelectorAll('.podium-video').length") == site.videos.count)
    #expect(try browser.executeString("return document.querySelector('h1').textContent") == site.show.title)
    #expect(try browser.executeString("return document.querySelector('.podium-filter button').textContent") == "Alle thema's")
    #expect(try browser.executeString("return document.querySelector('.podium-status').textContent") == "\(site.videos.count) video's")
    #expect(try browser.executeString("return document.querySelector('.podium-meta time').textContent") == "10 oktober 2024")
    // A video without summary or notes shows no summary, rather than its title twice.
    let bare = try #require(site.videos.first { $0.external != nil && (try? $0.loadNotes())?.isEmpty == true })
    #expect(try browser.executeInt("return document.querySelectorAll('[data-id=\"\(bare.guid)\"] .podium-summary').length") == 0)
    #expect(try browser.executeInt("return document.querySelectorAll('.podium-summary').length") == site.videos.count - 1)
    let columns = "return getComputedStyle(document.querySelector('.podium-videos')).gridTemplateColumns.split(' ').length"
    #expect(try browser.executeInt(columns) ?? 0 >= 3)
    let desktop = try browser.screenshot()
    #expect(Browser.pngSize(desktop)?.width == 1280)
    try keep(desktop, as: "index-desktop.png")

    try browser.setWindowSize(width: 390, height: 844)
    try browser.waitUntil("return innerWidth <= 390")
    #expect(try browser.executeInt(columns) == 1)
    #expect(try browser.executeBool("return document.documentElement.scrollWidth <= innerWidth") == true)
    let mobile = try browser.screenshot()
    #expect(Browser.pngSize(mobile)?.width == 390)
    try keep(mobile, as: "index-mobile.png")
  }

  @Test func withoutScriptTheIndexIsAListOfLinks() throws {
    let site = try EmbedSite()
    let browser = try Browser(arguments: ["--blink-settings=scriptEnabled=false"])
    try browser.open(site.indexURL)
    let links = try browser.execute("return [...document.querySelectorAll('.podium-title a')].map((a) => a.href)")
    let pages = site.videos.map { site.feeds.url("/\(site.show.slug)/embed/\($0.fileBase)/") }
    #expect(links.array?.compactMap(\.string) == pages)
    #expect(try browser.executeInt("return document.querySelectorAll('button, video, iframe').length") == 0)
  }

  @Test func clickingAPosterPlaysTheRightFileWithCaptions() throws {
    let site = try EmbedSite()
    let browser = try Browser()
    try openIndex(browser, site)
    let episode = try #require(site.videos.first { $0.slug == "een-voedselcooperatie-in-de-stad" })
    let card = try browser.findElement(css: ".podium-video[data-id='\(episode.guid)']")
    #expect(try browser.execute("return document.querySelector('.podium-video[data-id=\"\(episode.guid)\"] video')") == .null)
    try browser.click(try browser.findElement(css: ".podium-play", in: card))
    let video = "document.querySelector('.podium-video[data-id=\"\(episode.guid)\"] video')"
    try browser.waitUntil(timeout: 10, "const v = \(video); return v && v.currentSrc === arguments[0] && v.currentTime > 0",
      .string(try site.videoURL(episode)))
    #expect(try browser.executeString("return \(video).preload") == "none")
    #expect(try browser.executeBool("return document.activeElement === \(video)") == true)
    // The captions track is there, in the show's language, shown, and its cues loaded.
    // Captions and, last, the chapters, which Chromium parses into cues once the track is in use.
    #expect(try browser.executeInt("return \(video).querySelectorAll('track').length") == episode.transcripts.count + 1)
    let chapters = "\(video).textTracks[\(episode.transcripts.count)]"
    #expect(try browser.executeString("return \(chapters).kind") == "chapters")
    _ = try browser.execute("\(chapters).mode = 'hidden'")
    try browser.waitUntil("const t = \(chapters); return t.cues && t.cues.length === \(episode.chapters.count)")
    #expect(try browser.executeString("return \(chapters).cues[1].text") == episode.chapters[1].title)
    #expect(try browser.executeString("return \(video).textTracks[0].kind") == "captions")
    #expect(try browser.executeString("return \(video).textTracks[0].language") == "nl-BE")
    try browser.waitUntil("const t = \(video).textTracks[0]; return t.mode === 'showing' && t.cues && t.cues.length > 0")
    #expect(site.media.requests.contains { $0.path == "/reportages/media/\(episode.fileBase).mp4" })
    // Only that one: the others stay posters.
    #expect(try browser.executeInt("return document.querySelectorAll('video').length") == 1)
  }

  /// Tab reaches every video's button in reading order; Enter plays it, and the focus stays on it.
  @Test func keyboardReachesAndPlaysEveryVideo() throws {
    let site = try EmbedSite()
    let browser = try Browser()
    try openIndex(browser, site)
    var played: [String] = []
    for _ in 0..<300 where played.count < site.videos.count {
      try browser.sendKeys(Browser.Key.tab)
      let active = try browser.execute("""
        const a = document.activeElement;
        return a && a.classList.contains('podium-play') ? a.closest('.podium-video').dataset.id : null
        """)
      guard let id = active.string else { continue }
      try browser.sendKeys(Browser.Key.enter)
      let card = ".podium-video[data-id=\"\(id)\"]"
      try browser.waitUntil(timeout: 10, """
        const v = document.querySelector('\(card) video'), f = document.querySelector('\(card) iframe');
        return (v && !v.paused && v.currentTime > 0) || (f && f.src.startsWith('https://www.youtube-nocookie.com/'))
        """)
      #expect(try browser.executeBool("return document.querySelector('\(card)').contains(document.activeElement)") == true)
      played.append(id)
    }
    #expect(played == site.videos.map(\.guid))
    // One at a time: the last one plays, the others are paused, and YouTube's player is gone again.
    #expect(try browser.executeInt("return document.querySelectorAll('video').length") == site.videos.count - 1)
    #expect(try browser.executeInt("return [...document.querySelectorAll('video')].filter((v) => !v.paused).length") == 1)
    #expect(try browser.executeInt("return document.querySelectorAll('iframe').length") == 0)
  }

  @Test func nothingLeavesTheIndexOriginBeforeAClick() throws {
    let site = try EmbedSite()
    let browser = try Browser()
    try openIndex(browser, site)
    let before = try browser.requestedURLs()
    #expect(before.contains(site.indexJSON))
    #expect(before.allSatisfy { $0.hasPrefix(site.feeds.baseURL + "/") }, "\(before)")
    #expect(try browser.executeString("return document.cookie") == "")

    let external = try #require(site.videos.first { $0.external != nil })
    let card = try browser.findElement(css: ".podium-video[data-id='\(external.guid)']")
    #expect(try browser.text(of: card).contains("YouTube"))
    try browser.click(try browser.findElement(css: ".podium-play", in: card))
    try browser.waitForRequest("https://www.youtube-nocookie.com/embed/\(EmbedSite.youTubeID)?autoplay=1")
  }

  /// A YouTube video's own page: the poster and a link until the click, then youtube-nocookie in place.
  @Test func videoPageFacadeLoadsTheProviderOnlyOnClick() throws {
    let site = try EmbedSite()
    let browser = try Browser()
    let external = try #require(site.videos.first { $0.external != nil })
    try browser.open(site.feeds.url("/\(site.show.slug)/embed/\(external.fileBase)/"))
    try browser.waitUntil("return document.querySelector('[data-podium-embed]').dataset.podiumState === 'ready'")
    try browser.waitUntil("const i = document.querySelector('.facade img'); return i.complete && i.naturalWidth > 0")
    let before = try browser.requestedURLs()
    #expect(before.allSatisfy { $0.hasPrefix(site.feeds.baseURL + "/") }, "\(before)")
    #expect(try browser.executeInt("return document.querySelectorAll('iframe').length") == 0)
    try browser.click(try browser.findElement(css: ".facade a"))
    try browser.waitForRequest("https://www.youtube-nocookie.com/embed/\(EmbedSite.youTubeID)?autoplay=1")
    #expect(try browser.executeBool("return document.activeElement.tagName === 'IFRAME'") == true)
    #expect(try browser.currentURL() == site.feeds.url("/\(site.show.slug)/embed/\(external.fileBase)/"))
  }

  @Test func webComponentRendersInsideAHostilePage() throws {
    let site = try EmbedSite()
    let browser = try Browser(width: 1280, height: 900)
    try browser.open(site.serveHostilePage())
    let root = "document.querySelector('podium-video-index').shadowRoot"
    try browser.waitUntil("const r = \(root); return r && r.querySelectorAll('.podium-video').length === \(site.videos.count)")
    try browser.waitUntil("""
      return [...\(root).querySelectorAll('img.podium-poster')].every((i) => { i.loading = 'eager'; return i.complete && i.naturalWidth > 0 })
      """)
    let style = """
      const r = \(root), s = (q) => getComputedStyle(r.querySelector(q));
      return {button: s('.podium-play').display, image: r.querySelector('img.podium-poster').getBoundingClientRect().width,
              title: parseFloat(s('.podium-title').fontSize), color: s('.podium-title a').color, item: s('.podium-video').display,
              family: s('.podium-title').fontFamily, spacing: s('.podium-title').letterSpacing}
      """
    let computed = try browser.execute(style)
    #expect(computed["button"]?.string != "none")
    #expect(computed["item"]?.string != "none")
    #expect(computed["image"]?.double ?? 0 > 200)
    #expect(computed["title"]?.double ?? 0 >= 14)
    #expect(computed["color"]?.string != "rgb(255, 0, 0)" && computed["color"]?.string != "rgb(0, 255, 0)")
    #expect(computed["family"]?.string?.contains("fantasy") == false && computed["family"]?.string?.contains("cursive") == false)
    #expect(computed["spacing"]?.string == "normal")
    try keep(try browser.screenshot(), as: "component-hostile.png")

    // It plays in place there too, and asked only the feeds' origin for anything (and the host for its page).
    let urls = try browser.requestedURLs()
    #expect(urls.allSatisfy { $0.hasPrefix(site.feeds.baseURL + "/") || $0.hasPrefix(site.host.baseURL + "/") }, "\(urls)")
    let first = try #require(site.videos.first { $0.media != nil })
    try browser.execute("\(root).querySelector('.podium-video[data-id=\"\(first.guid)\"] .podium-play').click()")
    try browser.waitUntil(timeout: 10, """
      const v = \(root).querySelector('.podium-video[data-id="\(first.guid)"] video');
      return v && v.currentSrc === arguments[0] && v.currentTime > 0
      """, .string(try site.videoURL(first)))
  }

  /// A title that is an attack is shown as text, in the iframe page and in the component, and runs nothing.
  @Test func hostileTitleIsTextAndRunsNothing() throws {
    let site = try EmbedSite()
    let browser = try Browser()
    try openIndex(browser, site)
    let titles = try browser.execute("return [...document.querySelectorAll('.podium-title')].map((t) => t.textContent)")
    #expect(titles.array?.compactMap(\.string).contains(EmbedSite.hostileTitle) == true)
    #expect(try browser.executeInt("return document.querySelectorAll('img:not(.podium-poster)').length") == 0)
    try browser.open(site.serveHostilePage())
    let root = "document.querySelector('podium-video-index').shadowRoot"
    try browser.waitUntil("const r = \(root); return r && r.querySelectorAll('.podium-video').length > 0")
    #expect(try browser.executeInt("return \(root).querySelectorAll('img:not(.podium-poster)').length") == 0)
    // An alert would have blocked this call ("unexpected alert open"); and no image named x was asked for.
    #expect(try browser.executeInt("return 1") == 1)
    #expect(try browser.requestedURLs().allSatisfy { !$0.hasSuffix("/x") })
  }

  /// The host page's snippet from docs/embed.md sizes the iframe to the height the index reports.
  @Test func iframeTakesTheIndexHeight() throws {
    let site = try EmbedSite()
    let browser = try Browser(width: 1024, height: 800)
    try browser.open(try site.serveFramePage())
    let frame = "document.getElementById('podium-frame')"
    try browser.waitUntil(timeout: 10, """
      const h = window.podiumHeights || [];
      return h.length > 0 && Math.abs(\(frame).getBoundingClientRect().height - h[h.length - 1]) < 1
      """)
    let heights = try browser.execute("return window.podiumHeights").array?.compactMap(\.int) ?? []
    // Taller than the iframe's default 150 px: the grid of videos, all of it, with no inner scroll bar.
    #expect(heights.last ?? 0 > 600, "\(heights)")
  }
}
