/// What is in a catalogue folder but not in the catalogue. A published episode whose file is
/// there but failed to load is not gone: its findings are the error to report, not a removal.
/// A published show whose folder lost its show.yaml, or was renamed to `_…`, is gone, and the
/// folder's name says how.
public struct LoadGaps: Sendable, Equatable {
  /// What is there but failed to load, by path relative to the catalogue folder: an episode file
  /// (`show/2024-03-14-a.md`), a show folder whose show.yaml failed or that can't be listed
  /// (`show`), or the catalogue folder itself when it can't be listed (`.`).
  public var unloaded: Set<String>
  /// Show folders and episode files whose names are not UTF-8, as their findings name them
  /// (`gesprekken\xFF`, `gesprekken/a\xFE.md`): any published show or episode may be one of them.
  public var unreadableNames: Set<String>
  /// Folders in the catalogue folder that are not shows, by name: those without a show.yaml, and
  /// those whose name starts with `_`.
  public var otherFolders: Set<String>

  public init(unloaded: Set<String> = [], unreadableNames: Set<String> = [], otherFolders: Set<String> = []) {
    self.unloaded = unloaded
    self.unreadableNames = unreadableNames
    self.otherFolders = otherFolders
  }

  /// Whether an episode file (`show/2024-03-14-a.md`) of a show that loaded may be there but
  /// have failed to load.
  public func mayHold(episodeFile file: String) -> Bool {
    let show = Self.showFolder(of: file)
    return unloaded.contains(file) || unloaded.contains(show)
      || unreadableNames.contains { $0.hasPrefix(show + "/") }
  }

  /// Whether a show that isn't in the catalogue may be there but have failed to load.
  public func mayHold(show slug: String) -> Bool {
    unloaded.contains(slug) || unloaded.contains(".") || unreadableNames.contains { !$0.contains("/") }
  }

  /// Whether a finding about `file` is about something that failed to load.
  public func covers(file: String) -> Bool {
    unloaded.contains(file) || unreadableNames.contains(file) || unloaded.contains(Self.showFolder(of: file))
  }

  /// The show folder a path relative to the catalogue (`show/2024-03-14-a.md`) is in: its first
  /// component.
  public static func showFolder(of path: String) -> String { String(path.prefix { $0 != "/" }) }
}
