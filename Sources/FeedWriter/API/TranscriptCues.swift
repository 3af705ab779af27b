import Foundation
import MediaProbe

/// The cues of a timed transcript from the catalogue, which the other forms are written from.
public enum TranscriptCues {
  /// A transcript the other forms can't be made from.
  public struct Unreadable: Error, CustomStringConvertible {
    public var name: String
    public var description: String {
      "\(name) is neither WebVTT nor SubRip, so Podium can't write its other transcript forms; fix its content or its type"
    }
  }

  /// - Parameters:
  ///   - data: The file's bytes, as the build read them.
  ///   - name: Its path in the show folder, for the error.
  /// - Throws: ``Unreadable`` when the bytes are neither WebVTT nor SubRip.
  public static func read(_ data: Data, name: String) throws -> [CaptionCue] {
    guard let track = CaptionTrack.read(bytes: [UInt8](data), name: name) else { throw Unreadable(name: name) }
    return track.cues
  }
}
