import Foundation
@testable import Publisher
import Testing

/// The record check reads the last record into a compact index instead of `JSONDecoder`'s
/// values: it must read every record `JSONDecoder` reads, as the same record, and refuse what it
/// refuses, or a rebuild over an output would lose a guard or refuse a record it kept before.
struct RecordIndexTests {
  /// The index holds what the decoded record holds, entry for entry.
  static func expectSame(_ index: RecordIndex, _ record: PublicationRecord) {
    #expect(index.matches(record))
    #expect(index.version == record.version)
    #expect(Set(index.shows.keys) == Set(record.shows.keys))
    for slug in record.shows.keys {
      #expect(index.record(of: slug) == record.shows[slug])
      for (guid, entry) in record.shows[slug]?.episodes ?? [:] {
        #expect(index.shows[slug]?.episodes.entry(for: guid) == entry)
      }
    }
  }

  @Test(arguments: RecordJSONTests.records)
  func readsWhatTheBuildWrites(record: PublicationRecord) throws {
    Self.expectSame(try RecordIndex(json: try record.encoded()), record)
    Self.expectSame(RecordIndex(record), record)
    // Written by JSONEncoder without pretty printing, slashes and all escaped as it escapes them.
    Self.expectSame(try RecordIndex(json: try JSONEncoder().encode(record)), record)
  }

  /// Hand-edited and merged records: keys in any order, unknown keys, an enclosure given as
  /// null, escapes of every kind, white space anywhere.
  @Test(arguments: [
    #"{"shows":{},"version":1}"#,
    #" { "version" : 2 , "extra" : [1, -2.5e3, true, false, null, {"a": [{}]}, "x"], "shows" : { } } "#,
    #"{"version":1,"shows":{"s":{"episodes":{},"feedURL":"https:\/\/x.test\/f.xml","podcastGUID":"g","note":"x"}}}"#,
    #"{"version":1,"shows":{"s":{"podcastGUID":"g","feedURL":"f","episodes":{"b":{"file":"s/b.md","date":"d","enclosure":null},"a":{"date":"d","file":"s/a.md","enclosure":"e","x":{}}}}}}"#,
    #"{"version":1,"shows":{"s":{"podcastGUID":"g","feedURL":"f","episodes":{"\u00e9\ud83c\udf99\"\\\/\b\f\n\r\t":{"file":"\u0000","date":"é"}}}}}"#,
    // A GUID, a show or a key given twice: the first one counts, as JSONDecoder reads it.
    #"{"version":1,"shows":{"s":{"podcastGUID":"g","feedURL":"f","episodes":{"a":{"file":"1","date":"d"},"a":{"file":"2","date":"d"}}}}}"#,
    #"{"version":1,"version":2,"shows":{"s":{"podcastGUID":"g","feedURL":"f","episodes":{}},"s":{"podcastGUID":"h","feedURL":"f","episodes":{}}}}"#,
    #"{"version":1,"shows":{"s":{"podcastGUID":"g","feedURL":"f","episodes":{"a":{"file":"1","file":"2","enclosure":null,"enclosure":"e","date":"d","date":"x"}}}}}"#,
    // Live items, as the record keeps them (or null when a hand edit wrote it so).
    #"{"version":1,"shows":{"s":{"podcastGUID":"g","feedURL":"f","episodes":{},"liveItems":{"l":{"start":"t","title":"Live","stream":"https://x.test/s","x":1}}}}}"#,
    #"{"version":1,"shows":{"s":{"podcastGUID":"g","feedURL":"f","episodes":{},"liveItems":null}}}"#,
    // A comma before a closing brace or bracket, which JSONDecoder lets through.
    #"{"version":1,"shows":{"s":{"podcastGUID":"g","feedURL":"f","episodes":{"a":{"file":"1","date":"d",},},"x":[1,],},},}"#,
    // A whole number written as JSON allows; in a value not read, what JSONDecoder doesn't look
    // at (the rest of a number, escapes, control characters, in keys too).
    #"{"version":1.0,"shows":{}}"#, #"{"version":1E+2,"shows":{}}"#, #"{"version":-0.0,"shows":{}}"#,
    "{\"version\":1,\"shows\":{},\"x\":[-,1.,1e5e5,\"\\q\",\"\\u00zz\",\"\\ud800\",\"a\u{1}b\",{\"\\q\":1}]}",
  ])
  func readsAnyJSONOfARecord(json: String) throws {
    let data = Data(json.utf8)
    Self.expectSame(try RecordIndex(json: data), try PublicationRecord.decode(data))
  }

  /// What JSONDecoder refuses, the index refuses: the build then reports PUB-RECORD.
  @Test(arguments: [
    "", "null", "[]", #"{"shows":{}}"#, #"{"version":1}"#, #"{"version":"1","shows":{}}"#,
    #"{"version":1,"shows":{}"#, #"{"version":1,"shows":{}} x"#, #"{"version":1,,"shows":{}}"#,
    #"{"version":1,"shows":{"s":{"podcastGUID":"g","feedURL":"f"}}}"#,
    #"{"version":1,"shows":{"s":{"podcastGUID":"g","feedURL":"f","episodes":{"a":{"date":"d"}}}}}"#,
    #"{"version":1,"shows":{"s":{"podcastGUID":"g","feedURL":"f","episodes":{"a":{"file":"f","date":4}}}}}"#,
    #"{"version":1,"shows":{"s":{"podcastGUID":"g","feedURL":"f","episodes":{},"liveItems":{"l":{"title":"Live"}}}}}"#,
    #"{"version":1,"shows":{"s":{"podcastGUID":"g","feedURL":"f","episodes":{"\ud83c":{"file":"f","date":"d"}}}}}"#,
    "{\"version\":1,\"shows\":{\"s\u{1}\":{}}}", #"{"version":1,"shows":{"s":{"podcastGUID":"\q"}}}"#,
    // What is no JSON number, or not a whole one; an escape with a sign in it.
    #"{"version":+1,"shows":{}}"#, #"{"version":01,"shows":{}}"#, #"{"version":1.5,"shows":{}}"#,
    #"{"version":9223372036854775808,"shows":{}}"#, #"{"version":1,"shows":{},"x":+1}"#, #"{"version":1,"shows":{},"x":.5}"#,
    #"{"version":1,"shows":{"\u+041":{"podcastGUID":"g","feedURL":"f","episodes":{}}}}"#,
  ])
  func refusesWhatJSONDecoderRefuses(json: String) {
    let data = Data(json.utf8)
    #expect(throws: (any Error).self) { try PublicationRecord.decode(data) }
    #expect(throws: RecordIndex.Problem.self) { try RecordIndex(json: data) }
  }

  @Test func refusesBytesThatAreNotUTF8() {
    var data = Data(#"{"version":1,"shows":{"s"#.utf8)
    data.append(contentsOf: [0xC3, 0x28])
    data.append(contentsOf: Data(#"":{}}}"#.utf8))
    #expect(throws: (any Error).self) { try PublicationRecord.decode(data) }
    #expect(throws: RecordIndex.Problem.self) { try RecordIndex(json: data) }
  }

  /// A record that says the same as the new one lets the build cache reuse the build; one that
  /// differs anywhere does not.
  @Test func matchesOnlyTheSameRecord() throws {
    let record = try #require(RecordJSONTests.records.last)
    let index = try RecordIndex(json: try record.encoded())
    #expect(index.matches(record))
    var changed = record
    let slug = try #require(record.shows.keys.sorted().first)
    let guid = try #require(record.shows[slug]?.episodes.keys.sorted().first)
    changed.shows[slug]?.episodes[guid]?.date += "x"
    #expect(!index.matches(changed))
    changed = record
    changed.shows[slug]?.episodes["new"] = .init(file: "f", enclosure: nil, date: "d")
    #expect(!index.matches(changed))
    changed = record
    changed.shows[slug]?.feedURL += "x"
    #expect(!index.matches(changed))
    changed = record
    changed.shows[slug]?.liveItems = ["live": .init(title: "Live", stream: "https://x.test/s", start: "t")]
    #expect(!index.matches(changed))
    changed = record
    changed.version += 1
    #expect(!index.matches(changed))
  }
}
