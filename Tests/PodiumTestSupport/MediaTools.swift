import Foundation

/// Real media made by ffmpeg and espeak-ng in a test's own folder, and read back by ffprobe and
/// mutagen: the tools producers and apps use, as oracles for what Podium writes.
public enum MediaTools {
  public struct Failure: Error, CustomStringConvertible {
    public let description: String
  }

  /// Runs `tool` (found on PATH) in `folder`; throws with its output when it fails.
  @discardableResult
  public static func run(_ tool: String, _ arguments: [String], in folder: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    process.currentDirectoryURL = folder
    let output = Pipe()
    process.standardOutput = output
    // One pipe for both, read to its end, so neither can fill and stall the tool; the tools run
    // with `-v error` and print nothing else when they succeed.
    process.standardError = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0 else {
      throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) failed: \(text)")
    }
    return text
  }

  /// A chapter for ffmpeg's metadata file: start and end in seconds, and a title.
  public struct Mark: Sendable {
    public var start: Double
    public var end: Double
    public var title: String

    public init(_ start: Double, _ end: Double, _ title: String) {
      self.start = start
      self.end = end
      self.title = title
    }
  }

  /// Speech of `text` (espeak-ng, Dutch) encoded by ffmpeg to `name` (`.mp3` or `.m4a`), with
  /// `chapters` written by ffmpeg itself (ID3 CHAP/CTOC, or an MP4 chapter track and `chpl`).
  public static func speech(_ text: String, to name: String, chapters: [Mark] = [], in folder: URL) throws {
    try run("espeak-ng", ["-v", "nl", "-w", "\(name).wav", text], in: folder)
    try encode("\(name).wav", to: name, chapters: chapters, in: folder)
  }

  /// A tone of `seconds` (ffmpeg's sine source) encoded to `name`, with `chapters`.
  public static func tone(seconds: Int, to name: String, chapters: [Mark] = [], in folder: URL) throws {
    try run("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=\(seconds)",
                       "\(name).wav"], in: folder)
    try encode("\(name).wav", to: name, chapters: chapters, in: folder)
  }

  /// A faststart H.264/AAC video of `seconds` (ffmpeg's test picture and a tone), so chunk
  /// offsets of two tracks follow the movie box.
  public static func video(seconds: Int, to name: String, in folder: URL) throws {
    try run("ffmpeg", [
      "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=\(seconds)", "-f", "lavfi", "-i",
      "sine=frequency=440:duration=\(seconds)", "-codec:v", "libx264", "-pix_fmt", "yuv420p", "-codec:a", "aac",
      "-movflags", "+faststart", "-shortest", name,
    ], in: folder)
  }

  /// The length ffmpeg decodes the whole file to, in seconds (it throws when decoding fails).
  public static func decodedSeconds(_ name: String, in folder: URL) throws -> Double {
    let output = try run("ffmpeg", ["-v", "error", "-stats", "-i", name, "-f", "null", "-"], in: folder)
    guard let match = output.matches(of: /time=(\d+):(\d+):(\d+\.\d+)/).last else { return -1 }
    return Double(match.1)! * 3600 + Double(match.2)! * 60 + Double(match.3)!
  }

  private static func encode(_ wav: String, to name: String, chapters: [Mark], in folder: URL) throws {
    var arguments = ["-v", "error", "-y", "-i", wav]
    if !chapters.isEmpty {
      var metadata = ";FFMETADATA1\n"
      for chapter in chapters {
        let title = chapter.title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "=", with: "\\=")
          .replacingOccurrences(of: ";", with: "\\;").replacingOccurrences(of: "#", with: "\\#")
        metadata += "[CHAPTER]\nTIMEBASE=1/1000\nSTART=\(Int(chapter.start * 1000))\nEND=\(Int(chapter.end * 1000))\ntitle=\(title)\n"
      }
      try Data(metadata.utf8).write(to: folder.appendingPathComponent("\(name).ffmeta"))
      arguments += ["-i", "\(name).ffmeta", "-map", "0:a", "-map_chapters", "1"]
    }
    if name.hasSuffix(".mp3") {
      arguments += ["-codec:a", "libmp3lame", "-b:a", "64k", "-id3v2_version", "3"]
    } else {
      arguments += ["-codec:a", "aac", "-b:a", "64k", "-movflags", "+faststart"]
    }
    try run("ffmpeg", arguments + [name], in: folder)
  }

  /// The chapters ffprobe finds: start, end and title.
  public static func ffprobeChapters(_ name: String, in folder: URL) throws -> [Mark] {
    let json = try run("ffprobe", ["-v", "error", "-of", "json", "-show_chapters", name], in: folder)
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let chapters = object?["chapters"] as? [[String: Any]] ?? []
    return chapters.map { chapter in
      let tags = chapter["tags"] as? [String: Any]
      return Mark(
        Double(chapter["start_time"] as? String ?? "") ?? -1, Double(chapter["end_time"] as? String ?? "") ?? -1,
        tags?["title"] as? String ?? "")
    }
  }

  /// The chapters mutagen finds: ID3 CHAP frames in table-of-contents order, or MP4 `chpl`.
  /// Starts in seconds; ends as mutagen gives them (MP4 `chpl` has none: -1). An MP4 without `chpl` has none.
  public static func mutagenChapters(_ name: String, in folder: URL) throws -> [Mark] {
    let script = """
      import json, sys, mutagen
      from mutagen.id3 import ID3
      from mutagen.mp4 import MP4
      path = sys.argv[1]
      out = []
      if path.endswith(".mp3"):
          tags = ID3(path)
          chaps = {f.element_id: f for f in tags.getall("CHAP")}
          order = [c for t in tags.getall("CTOC") for c in t.child_element_ids] or list(chaps)
          for cid in order:
              f = chaps[cid]
              title = str(f.sub_frames["TIT2"].text[0]) if "TIT2" in f.sub_frames else ""
              out.append([f.start_time / 1000, f.end_time / 1000, title])
      else:
          for c in MP4(path).chapters or []:
              out.append([c.start, -1, c.title])
      print(json.dumps(out))
      """
    let json = try run("python3", ["-c", script, name], in: folder)
    let rows = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[Any]] ?? []
    return rows.map { Mark(($0[0] as? NSNumber)?.doubleValue ?? -1, ($0[1] as? NSNumber)?.doubleValue ?? -1, $0[2] as? String ?? "") }
  }

  /// The playable length that ffmpeg decodes, in seconds (docs: pitfalls, `format=duration` only estimates).
  public static func ffprobeDuration(_ name: String, in folder: URL) throws -> Double {
    let text = try run("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", name], in: folder)
    return Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
  }
}
