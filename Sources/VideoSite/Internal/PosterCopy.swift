import Catalogue

/// Where a video's still comes from and where the index serves it. Local images are copied under
/// `embed/images/`, keeping their path in the show folder, so the index and the pages show them
/// from their own origin. A remote poster stays where it is (the catalogue warns about it).
struct PosterCopy {
  let url: String
  let width: Int?
  let height: Int?
  /// The path in the show folder to copy from, and the path in the output folder to copy to.
  let copy: (from: String, to: String)?

  init(_ episode: Episode, show: Show, catalogue: Catalogue) {
    (width, height) = (episode.poster?.width, episode.poster?.height)
    switch episode.posterReference(in: show) {
    case .local(let path):
      let target = VideoPaths.image(path)
      copy = (path, target)
      url = catalogue.outputURL(for: show, path: target)
    case .remote(let remote):
      copy = nil
      url = remote
    }
  }
}
