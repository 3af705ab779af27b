import Foundation

/// The files besides its own text that a catalogue points at and Podium reads, each with the
/// most it reads of one. Every size is checked with `fstat` before a byte is read, so a stray
/// 3 GB file named `.vtt` costs one system call, not gigabytes of memory.
public enum CatalogueFileKind: String, Sendable, CaseIterable {
  /// A transcript: WebVTT, SRT, HTML, JSON or plain text, copied into the output.
  case transcript
  /// A transcript with `rel: captions`, timed for a player.
  case captions
  /// Show or episode artwork, probed for its format and size.
  case artwork
  /// A video's poster image, probed and copied into the video site.
  case poster

  /// The kind of a transcript entry: captions when it says so.
  public init(_ transcript: Transcript) {
    self = transcript.rel == "captions" ? .captions : .transcript
  }

  /// The largest file of this kind Podium reads, in bytes: the same 16 MB for every kind today,
  /// as for the catalogue's own text. The transcript of a three-hour episode takes a few hundred
  /// kilobytes, and Apple wants artwork under 512 KB.
  public var limit: Int64 { Int64(CatalogueLoader.maximumFileSize) }

  /// `transcripts are limited to 16 MB`.
  var limitText: String {
    let plural =
      switch self {
      case .transcript: "transcripts are"
      case .captions: "captions are"
      case .artwork: "artwork is"
      case .poster: "posters are"
      }
    return "\(plural) limited to \(limit >> 20) MB"
  }

  /// The finding's text when `size` is over the limit: `transcript 'x.vtt' is 3.0 GB; transcripts
  /// are limited to 16 MB`; nil when it is within it.
  public func sizeProblem(path: String, size: Int64) -> String? {
    guard size > limit else { return nil }
    return "\(rawValue) '\(path)' is \(ByteSize.text(size)); \(limitText), so it was not read; "
      + "is it the right file?"
  }

  /// Reads a whole file of this kind, refusing one over the limit before reading it.
  ///
  /// - Parameters:
  ///   - url: the file.
  ///   - path: its path as the catalogue writes it, for the message.
  /// - Throws: `CatalogueFileError` naming the kind, the file and the reason.
  public func read(_ url: URL, path: String) throws(CatalogueFileError) -> Data {
    do {
      return Data(try BoundedRead.bytes(atPath: url.path, limit: Int(limit)))
    } catch .tooLarge(let size) {
      throw CatalogueFileError(message: sizeProblem(path: path, size: size) ?? "\(rawValue) '\(path)' is too large")
    } catch .notAFile(let kind) {
      throw CatalogueFileError(message: "\(rawValue) '\(path)' is \(kind), not a file; give the path of the file")
    } catch {
      let reason = if case .unreadable(let reason) = error { reason } else { "\(error)" }
      throw CatalogueFileError(message: "cannot read \(rawValue) '\(path)': \(reason)")
    }
  }
}

/// A catalogue file that could not be read whole, in the user's words.
public struct CatalogueFileError: Error, Sendable, Hashable, CustomStringConvertible {
  public let message: String
  public var description: String { message }
}

/// Sizes for people: `3.0 GB`, `16.0 MB`, `700.0 KB`.
enum ByteSize {
  static func text(_ bytes: Int64) -> String {
    let units: [(Int64, String)] = [(1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")]
    for (unit, name) in units where bytes >= unit {
      return String(format: "%.1f \(name)", Double(bytes) / Double(unit))
    }
    return "\(bytes) bytes"
  }
}
