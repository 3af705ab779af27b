// The floor of a 10,000-episode `podium build`: what the libraries Podium must use cost alone.
//
// Why this exists: issue 2 asks for a full build in under 0.4 s and 100 MB on 2 cores. Podium must
// parse front matter with libyaml, render notes with cmark-gfm, and write, sanitise and re-read XML
// with libxml2. This program does the same work with those libraries and nothing of Podium's, so
// docs/performance.md can show, with figures, what they alone cost. Each step is timed on its own
// (median of 5 runs, wall clock and CPU time from getrusage), on both cores where the work splits.
// Whatever is not a mandated library (listing, splitting, item fields) is kept as cheap as possible.
//
// Usage: floor CATALOGUE [OUTPUT]   (CATALOGUE as made by Benchmarks/make-catalogue.py; OUTPUT is
// where step 7 writes its small files, a folder under /dev/shm by default). Run by Benchmarks/floor.sh.

import CCmarkGFM
import CLibXML2
import CMalloc
import Dispatch
import Foundation
import CYAML

// MARK: - Measuring

struct Row {
  let step: String
  let wall: Double  // ms, median
  let cpu: Double  // ms of user + system time, median
  let counted: Bool  // one of the variants summed up at the end
}
nonisolated(unsafe) var rows: [Row] = []
let runs = 5

func wallMS() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
}

func usage() -> rusage {
  var u = rusage()
  getrusage(RUSAGE_SELF.rawValue, &u)
  return u
}

func cpuMS() -> Double {
  let u = usage()
  return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3
}

/// Prints at once (stdout to a pipe is otherwise flushed only at exit).
func say(_ line: String) {
  print(line)
  fflush(nil)
}

/// The heap in use now (malloc's count: what is live, whatever malloc keeps cached), resident
/// memory now (/proc/self/statm) and the peak resident memory so far (ru_maxrss), in MB.
func heapMB() -> Double {
  let heap = mallinfo2()
  return Double(heap.uordblks + heap.hblkhd) / 1048576
}

func memory() -> String {
  let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? ""
  let pages = statm.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
  return String(format: "heap %3.0f, RSS %3.0f, peak %3.0f MB", heapMB(),
                pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1048576, Double(usage().ru_maxrss) / 1024)
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// Runs `body` `runs` times and records the medians. The previous run's result is released before
/// the next starts, so the peak memory holds one copy. `counted`: this variant goes into the sums.
/// `prepare` runs before each run, untimed.
func measure<T>(_ step: String, counted: Bool = true, prepare: () -> Void = {}, _ body: () -> T) -> T {
  var walls: [Double] = [], cpus: [Double] = []
  var result: T? = nil
  for _ in 0..<runs {
    result = nil
    prepare()
    let cpu0 = cpuMS(), wall0 = wallMS()
    let value = body()
    let wall1 = wallMS(), cpu1 = cpuMS()
    result = value
    walls.append(wall1 - wall0)
    cpus.append(cpu1 - cpu0)
  }
  let row = Row(step: step, wall: median(walls), cpu: median(cpus), counted: counted)
  rows.append(row)
  let runs = walls.map { String(format: "%.0f", $0) }.joined(separator: " ")
  say((counted ? "* " : "  ") + step.padding(toLength: 60, withPad: " ", startingAt: 0)
    + String(format: " %6.1f ms wall %6.1f ms CPU", row.wall, row.cpu) + "  \(memory())  (walls: \(runs))")
  return result!
}

/// Maps 0..<count on `threads` threads, each taking one contiguous chunk; results in order.
func parallelMap<T>(_ count: Int, threads: Int, _ body: (Int) -> T) -> [T] {
  Array(unsafeUninitializedCapacity: count) { buffer, initialized in
    nonisolated(unsafe) let out = buffer
    withoutActuallyEscaping(body) { body in
      nonisolated(unsafe) let body = body
      DispatchQueue.concurrentPerform(iterations: threads) { chunk in
        for index in count * chunk / threads..<count * (chunk + 1) / threads {
          (out.baseAddress! + index).initialize(to: body(index))
        }
      }
    }
    initialized = count
  }
}

// MARK: - 1. Read the files

func listMarkdown(in catalogue: String) -> [String] {
  var paths: [String] = []
  for show in (try? FileManager.default.contentsOfDirectory(atPath: catalogue)) ?? [] {
    let folder = catalogue + "/" + show
    guard let dir = opendir(folder) else { continue }
    defer { closedir(dir) }
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      if name.hasSuffix(".md") { paths.append(folder + "/" + name) }
    }
  }
  return paths.sorted()
}

func readFile(_ path: String) -> String {
  let fd = open(path, O_RDONLY)
  guard fd >= 0 else { return "" }
  defer { close(fd) }
  var info = stat()
  fstat(fd, &info)
  let size = Int(info.st_size)
  return String(unsafeUninitializedCapacity: size) { buffer in
    var done = 0
    while done < size {
      let n = read(fd, buffer.baseAddress! + done, size - done)
      if n <= 0 { break }
      done += n
    }
    return done
  }
}

// MARK: - 2. Split the front matter, parse it with libyaml's events

/// Front matter between a first line `---` and the next `---` line; the rest are the notes.
func split(_ text: String) -> (frontMatter: String, notes: String) {
  var text = text
  return text.withUTF8 { bytes in
    let dash = UInt8(ascii: "-"), newline = UInt8(ascii: "\n")
    guard bytes.count >= 4, bytes[0] == dash, bytes[1] == dash, bytes[2] == dash, bytes[3] == newline else {
      return ("", String(decoding: bytes, as: UTF8.self))
    }
    var i = 4
    while i + 4 <= bytes.count {
      if bytes[i] == dash, bytes[i + 1] == dash, bytes[i + 2] == dash, bytes[i - 1] == newline,
        i + 3 == bytes.count || bytes[i + 3] == newline
      {
        return (String(decoding: bytes[4..<i], as: UTF8.self),
                String(decoding: bytes[min(bytes.count, i + 4)...], as: UTF8.self))
      }
      i += 1
    }
    return ("", String(decoding: bytes, as: UTF8.self))
  }
}

/// Runs libyaml's event parser over the front matter, as Podium's loader does, and keeps only a
/// count of the events: the least any loader built on libyaml can spend. `nil` when it fails.
func parseEvents(_ frontMatter: String) -> Int? {
  var parser = yaml_parser_t()
  guard yaml_parser_initialize(&parser) == 1 else { return nil }
  defer { yaml_parser_delete(&parser) }
  let bytes = Array(frontMatter.utf8)
  return bytes.withUnsafeBufferPointer { buffer -> Int? in
    yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
    var count = 0
    var event = yaml_event_t()
    while yaml_parser_parse(&parser, &event) == 1 {
      count += 1
      let end = event.type == YAML_STREAM_END_EVENT
      yaml_event_delete(&event)
      if end { return count }
    }
    return nil
  }
}

/// The timed work of step 2.
func splitAndParse(_ text: String) -> (notes: String, parsed: Bool) {
  let (frontMatter, notes) = split(text)
  return (notes, parseEvents(frontMatter) != nil)
}

// MARK: - 3. Render the notes with cmark-gfm

let markdownOptions = CMARK_OPT_UNSAFE  // as Podium: raw HTML goes on to the sanitiser
nonisolated(unsafe) let gfmExtensions: [OpaquePointer] = {
  cmark_gfm_core_extensions_ensure_registered()
  let names: [String] = ["table", "strikethrough", "autolink"]
  return names.compactMap { cmark_find_syntax_extension($0) }
}()

/// cmark-gfm 0.29's inline parser edits a process-wide table of special characters when
/// extensions are attached (github/cmark-gfm#176); inline parsing happens in cmark_parser_finish.
let inlineLock = NSLock()

func render(_ markdown: String, lock: Bool) -> String {
  guard let parser = cmark_parser_new(markdownOptions) else { return "" }
  defer { cmark_parser_free(parser) }
  for syntax in gfmExtensions { cmark_parser_attach_syntax_extension(parser, syntax) }
  var markdown = markdown
  markdown.withUTF8 { bytes in
    bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
  }
  guard let document = lock ? inlineLock.withLock({ cmark_parser_finish(parser) }) : cmark_parser_finish(parser)
  else { return "" }
  defer { cmark_node_free(document) }
  guard let html = cmark_render_html(document, markdownOptions, cmark_parser_get_syntax_extensions(parser))
  else { return "" }
  defer { free(html) }
  return String(cString: html)
}

// MARK: - 4. Parse each HTML fragment with libxml2's HTML parser, SAX only

let htmlOptions = Int32(
  HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
    | HTML_PARSE_NODEFDTD.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_RECOVER.rawValue)

/// Counts elements through the context's `_private`, so the handler does something observable.
func bump(_ context: UnsafeMutableRawPointer?) {
  let ctxt = context!.assumingMemoryBound(to: xmlParserCtxt.self)
  ctxt.pointee._private!.assumingMemoryBound(to: Int.self).pointee += 1
}

func quietHTMLHandler() -> htmlSAXHandler {
  var handler = htmlSAXHandler()
  handler.startElement = { context, _, _ in bump(context) }
  handler.endElement = { _, _ in }
  handler.characters = { _, _, _ in }
  return handler
}

/// Parses `html` with `context` (new when nil, as Podium does per fragment); returns the elements seen.
func parseHTML(_ html: String, reusing context: htmlParserCtxtPtr? = nil) -> Int {
  guard let ctxt = context ?? htmlNewParserCtxt() else { return 0 }
  defer { if context == nil { htmlFreeParserCtxt(ctxt) } }
  ctxt.pointee.sax.pointee = quietHTMLHandler()
  var elements = 0
  withUnsafeMutablePointer(to: &elements) { counter in
    ctxt.pointee._private = UnsafeMutableRawPointer(counter)
    var html = html
    let document = html.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) {
        htmlCtxtReadMemory(ctxt, $0.baseAddress, Int32($0.count), nil, "UTF-8", htmlOptions)
      }
    }
    if let document { xmlFreeDoc(document) }  // none without a startDocument handler
    ctxt.pointee._private = nil
  }
  return elements
}

// MARK: - 5. Write the RSS feed with xmlTextWriter

struct Item: @unchecked Sendable {
  var title = "", guid = "", pubDate = "", url = "", length = "", type = "", duration = "", episode = "", html = ""
}

/// The fields of an item, outside the timings (this is Podium's own work, not a library's).
func items(from texts: [String]) -> [Item] {
  let iso = ISO8601DateFormatter()
  let rfc822 = DateFormatter()
  rfc822.locale = Locale(identifier: "en_US_POSIX")
  rfc822.timeZone = TimeZone(secondsFromGMT: 0)
  rfc822.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
  return texts.map { text in
    let fields = plainFields(split(text).frontMatter)
    return Item(
      title: fields["title"] ?? "", guid: fields["guid"] ?? "",
      pubDate: fields["date"].flatMap { iso.date(from: $0) }.map { rfc822.string(from: $0) } ?? "",
      url: fields["media.url"] ?? "", length: fields["media.length"] ?? "", type: fields["media.type"] ?? "",
      duration: fields["media.duration"] ?? "", episode: fields["episode"] ?? "")
  }
}

/// `key: value` lines of make-catalogue.py's front matter, one level of nesting (`media.url`):
/// enough for the items' fields, which are not what the floor measures.
func plainFields(_ frontMatter: String) -> [String: String] {
  var fields: [String: String] = [:]
  var parent = ""
  for line in frontMatter.split(separator: "\n") {
    let nested = line.hasPrefix("  ")
    let trimmed = line.drop { $0 == " " }
    guard let colon = trimmed.firstIndex(of: ":") else { continue }
    let key = String(trimmed[..<colon]), value = trimmed[trimmed.index(after: colon)...].drop { $0 == " " }
    if !nested { parent = key }
    fields[nested ? parent + "." + key : key] = String(value)
  }
  return fields
}

func element(_ writer: xmlTextWriterPtr, _ name: String, _ text: String) {
  xmlTextWriterWriteElement(writer, name, text)
}

/// The feed's bytes, in the xmlBuffer the writer filled (not copied out: it is 26 MB).
final class Feed: @unchecked Sendable {
  let buffer: xmlBufferPtr
  init(capacity: Int) {
    buffer = xmlBufferCreateSize(capacity)!
    xmlBufferSetAllocationScheme(buffer, XML_BUFFER_ALLOC_DOUBLEIT)
  }
  deinit { xmlBufferFree(buffer) }
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: xmlBufferContent(buffer), count: Int(xmlBufferLength(buffer))) }
  var hash: Int {
    var hasher = Hasher()
    hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
    return hasher.finalize()
  }
}

/// A writer into a fresh buffer; `header` starts the document and the channel, `footer` ends it.
func writeFeed(_ items: ArraySlice<Item>, header: Bool, footer: Bool) -> Feed {
  let feed = Feed(capacity: items.count * 2_800 + 4_096)
  let writer = xmlNewTextWriterMemory(feed.buffer, 0)!
  if header {
    xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
    xmlTextWriterStartElement(writer, "rss")
    xmlTextWriterWriteAttribute(writer, "version", "2.0")
    xmlTextWriterWriteAttribute(writer, "xmlns:itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd")
    xmlTextWriterWriteAttribute(writer, "xmlns:content", "http://purl.org/rss/1.0/modules/content/")
    xmlTextWriterStartElement(writer, "channel")
    element(writer, "title", "Benchmark")
    element(writer, "link", "https://example.org/")
    element(writer, "description", "Tienduizend afleveringen.")
  }
  for item in items {
    xmlTextWriterStartElement(writer, "item")
    element(writer, "title", item.title)
    xmlTextWriterStartElement(writer, "guid")
    xmlTextWriterWriteAttribute(writer, "isPermaLink", "false")
    xmlTextWriterWriteString(writer, item.guid)
    xmlTextWriterEndElement(writer)
    element(writer, "pubDate", item.pubDate)
    xmlTextWriterStartElement(writer, "enclosure")
    xmlTextWriterWriteAttribute(writer, "url", item.url)
    xmlTextWriterWriteAttribute(writer, "length", item.length)
    xmlTextWriterWriteAttribute(writer, "type", item.type)
    xmlTextWriterEndElement(writer)
    element(writer, "itunes:duration", item.duration)
    element(writer, "itunes:episode", item.episode)
    element(writer, "description", item.html)
    xmlTextWriterStartElement(writer, "content:encoded")
    xmlTextWriterWriteCDATA(writer, item.html)
    xmlTextWriterEndElement(writer)
    xmlTextWriterEndElement(writer)
  }
  if footer { xmlTextWriterEndDocument(writer) }
  xmlFreeTextWriter(writer)  // flushes
  return feed
}

/// Two writers of half the items each on two threads; the second leaves the document open, so
/// the closing tags (what xmlTextWriterEndDocument writes) are added after the two halves.
func writeFeedTwoWriters(_ items: [Item]) -> Feed {
  let half = items.count / 2
  let parts = parallelMap(2, threads: 2) { part in
    writeFeed(part == 0 ? items[..<half] : items[half...], header: part == 0, footer: false)
  }
  let second = parts[1].bytes
  xmlBufferAdd(parts[0].buffer, second.baseAddress, Int32(second.count))
  xmlBufferCCat(parts[0].buffer, "</channel></rss>\n")
  return parts[0]
}

// MARK: - 6. Parse the feed back with libxml2's SAX2 parser

func parseFeed(_ feed: Feed) -> (elements: Int, wellFormed: Bool) {
  var handler = xmlSAXHandler()
  handler.initialized = XML_SAX2_MAGIC
  handler.startElementNs = { context, _, _, _, _, _, _, _, _ in bump(context) }
  handler.endElementNs = { _, _, _, _ in }
  handler.characters = { _, _, _ in }
  handler.cdataBlock = { _, _, _ in }
  let ctxt = xmlCreatePushParserCtxt(&handler, nil, nil, 0, nil)!
  defer { xmlFreeParserCtxt(ctxt) }
  xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue))  // and no NOENT: entities are not substituted
  var elements = 0
  withUnsafeMutablePointer(to: &elements) { counter in
    ctxt.pointee._private = UnsafeMutableRawPointer(counter)
    feed.bytes.withMemoryRebound(to: CChar.self) { chars in
      let chunk = 64 * 1024  // libxml2 holds a chunk at a time, not a copy of the whole feed
      var offset = 0
      while offset < chars.count {
        let n = min(chunk, chars.count - offset)
        xmlParseChunk(ctxt, chars.baseAddress! + offset, Int32(n), 0)
        offset += n
      }
      xmlParseChunk(ctxt, nil, 0, 1)
    }
    ctxt.pointee._private = nil
  }
  return (elements, ctxt.pointee.wellFormed != 0)
}

// MARK: - 7. Write 10,000 small files

func writeFiles(_ contents: [[UInt8]], into folder: String, threads: Int) -> Int {
  mkdir(folder, 0o755)
  return parallelMap(contents.count, threads: threads) { index -> Int in
    let fd = open(folder + "/\(index).json", O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard fd >= 0 else { return 0 }
    defer { close(fd) }
    return contents[index].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
  }.reduce(0, +)
}

// MARK: - Main

@main enum Floor {
  static func main() { run() }
}

/// A free function, so that no closure in it is taken to be on the main actor (they run on workers).
func run() {
  let arguments = CommandLine.arguments
  guard arguments.count >= 2 else {
    say("usage: floor CATALOGUE [OUTPUT]")
    exit(2)
  }
  let catalogue = arguments[1]
  let output = arguments.count > 2 ? arguments[2] : "/dev/shm/floor-output-\(getpid())"
  let startRSS = usage().ru_maxrss
  xmlInitParser()
  _ = gfmExtensions
  say("floor: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(runs) runs per step, medians; "
    + "libxml2 \(String(cString: __xmlParserVersion().pointee!)), cmark-gfm \(String(cString: cmark_version_string()))")

  // 1
  var texts = measure("1. list and read the files, 2 threads") { () -> [String] in
    let paths = listMarkdown(in: catalogue)
    return parallelMap(paths.count, threads: 2) { readFile(paths[$0]) }
  }
  let count = texts.count
  say("   \(count) files, \(texts.reduce(0) { $0 + $1.utf8.count }) bytes")

  // 2
  _ = measure("2. split + libyaml events, 1 thread", counted: false) { texts.map(splitAndParse) }
  let parsed = measure("2. split + libyaml events, 2 threads") {
    parallelMap(count, threads: 2) { splitAndParse(texts[$0]) }
  }
  say("   \(parsed.filter { !$0.parsed }.count) front matters failed to parse")
  // Keep only what later steps need, as a build would: the notes and the items' fields (untimed).
  let notes = parsed.map(\.notes)
  var feedItems = items(from: texts)
  texts = []

  // 3
  let html = measure("3. cmark-gfm to HTML, 1 thread", counted: false) { notes.map { render($0, lock: false) } }
  _ = measure("3. cmark-gfm to HTML, 2 threads, lock around finish") {
    parallelMap(count, threads: 2) { render(notes[$0], lock: true) }
  }
  let unlocked = measure("3. cmark-gfm to HTML, 2 threads, no lock (unsafe)", counted: false) {
    parallelMap(count, threads: 2) { render(notes[$0], lock: false) }
  }
  let differing = zip(html, unlocked).filter { $0 != $1 }.count
  say("   \(html.reduce(0) { $0 + $1.utf8.count }) bytes of HTML; without the lock, "
    + "\(differing) of \(count) differ from the 1-thread rendering (last run)")

  // 4
  let elements = measure("4. libxml2 HTML SAX, 2 threads, new context each (as Podium)", counted: false) {
    parallelMap(count, threads: 2) { parseHTML(html[$0]) }.reduce(0, +)
  }
  let elementsReusing = measure("4. libxml2 HTML SAX, 2 threads, one context per thread") { () -> Int in
    parallelMap(2, threads: 2) { chunk in
      let ctxt = htmlNewParserCtxt()!
      defer { htmlFreeParserCtxt(ctxt) }
      return (count * chunk / 2..<count * (chunk + 1) / 2).reduce(0) { $0 + parseHTML(html[$1], reusing: ctxt) }
    }.reduce(0, +)
  }
  say("   \(elements) HTML elements seen (reusing a context: \(elementsReusing))")

  // 5
  for index in feedItems.indices { feedItems[index].html = html[index] }
  let oneWriter = measure("5. xmlTextWriter feed, 1 writer", counted: false) {
    writeFeed(feedItems[...], header: true, footer: true)
  }.hash  // the feed itself is dropped here, so that no two are held at once
  let feed = measure("5. xmlTextWriter feed, 2 writers x 5,000 items") { writeFeedTwoWriters(feedItems) }
  feedItems = []
  say("   feed \(feed.bytes.count) bytes; two writers' bytes \(feed.hash == oneWriter ? "identical" : "DIFFERENT") to one's")

  // 6
  let (feedElements, wellFormed) = measure("6. libxml2 SAX2 parse of the feed, 1 thread") { parseFeed(feed) }
  say("   \(feedElements) elements, well-formed: \(wellFormed)")

  // 7
  let chapters = (0..<count).map { index in
    Array(("{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"Begin\"},"
      + "{\"startTime\":60,\"title\":\"Gesprek\"}],\"episode\":\(index + 1),"
      + "\"url\":\"https://media.example.org/bench/\(index).mp3\"}\n").utf8)
  }
  let remove = { _ = try? FileManager.default.removeItem(atPath: output) }
  let written = measure("7. write \(count) small files, 2 threads", prepare: remove) {
    writeFiles(chapters, into: output, threads: 2)
  }
  remove()
  say("   \(written) bytes per run")

  // Sums
  let counted = rows.filter(\.counted)
  let wallSum = counted.reduce(0) { $0 + $1.wall }, cpuSum = counted.reduce(0) { $0 + $1.cpu }
  say("sums over the rows marked *:")
  say(String(format: "  wall, the steps one after another:          %6.1f ms", wallSum))
  say(String(format: "  CPU %6.1f ms / 2 (perfect overlap, 2 cores): %6.1f ms", cpuSum, cpuSum / 2))
  say(String(format: "peak RSS: %.1f MB (at start of main: %.1f MB)", Double(usage().ru_maxrss) / 1024,
               Double(startRSS) / 1024))

}
