import Foundation

/// A show folder whose episode files are being read: made once per show, so reading a file
/// builds no `URL` and asks Foundation for no path component.
struct EpisodeFolder {
  /// The folder, as a directory URL, for the media files the episodes point at.
  let url: URL
  /// The folder's path with a trailing `/`, to which a file name is appended.
  let path: String
  let resolver: PathResolver

  init(_ folder: URL, resolver: PathResolver) {
    path = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
    url = URL(fileURLWithPath: path, isDirectory: true)
    self.resolver = resolver
  }
}
