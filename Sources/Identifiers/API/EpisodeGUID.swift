import Foundation

/// Episode GUIDs: random UUIDs, assigned once by `podium add` and never derived from anything
/// that can change (title, file name, URL), which is what makes apps re-download episodes.
public enum EpisodeGUID {
  public static func make() -> String { UUID().uuidString.lowercased() }
}
