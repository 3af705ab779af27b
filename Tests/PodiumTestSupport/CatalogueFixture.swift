import Foundation

/// Builds small catalogues on disk for tests, from inline text, so each test shows its input.
public struct CatalogueFixture {
  public let folder: TemporaryFolder
  public var catalogue: URL { folder.url.appendingPathComponent("episodes") }
  public var output: URL { folder.url.appendingPathComponent("feeds") }

  /// Addresses on `.test`, the domain RFC 2606 reserves for tests: `.example` ones are the
  /// placeholders CAT-PLACEHOLDER finds, and a clean catalogue has none.
  public static let site = """
    base_url: https://feeds.podium.test/
    media_base_url: https://media.podium.test/
    language: nl-BE
    publisher: Socius
    owner:
      name: Socius
      email: podcast@podium.test
    copyright: © 2024 Socius vzw
    website: https://podium.test/

    """

  public static let show = """
    title: Allemaal politiek
    description: Gesprekken over hoe burgers de samenleving mee vormgeven.
    medium: podcast
    categories:
      - Society & Culture > Documentary
      - Government
    explicit: false
    type: episodic
    artwork: artwork.jpg
    author: Socius
    persons:
      - name: An Peeters
        role: host
    funding:
      - url: https://podium.test/steun
        text: Steun ons
    license: CC-BY-4.0
    locked: true

    """

  /// A catalogue with `podium.yaml` and one show `gesprekken` with artwork, and no episodes.
  public init(site: String = CatalogueFixture.site, show: String = CatalogueFixture.show) throws {
    folder = try TemporaryFolder()
    try folder.write("episodes/podium.yaml", site)
    try folder.write("episodes/gesprekken/show.yaml", show)
    try folder.write("episodes/gesprekken/artwork.jpg", SampleMedia.jpeg(width: 1400, height: 1400))
  }

  /// Front matter for an episode with local media (a real MP3 of 60 s), which is created too.
  public func addEpisode(
    _ name: String = "2024-03-14-de-buurt-beslist", title: String = "De buurt beslist",
    date: String = "2024-03-14T09:00:00+01:00", guid: String = "6f1d4c3e-2b8a-4d5e-9f10-1a2b3c4d5e6f",
    extra: String = "", notes: String = "Hoe een **buurtcomité** mee het plein herontwierp.\n", seconds: Double = 60
  ) throws {
    try folder.write("episodes/gesprekken/media/\(name).mp3", SampleMedia.mp3(seconds: seconds))
    try folder.write("episodes/gesprekken/\(name).md", """
      ---
      title: \(title)
      date: \(date)
      guid: \(guid)
      media:
        url: media/\(name).mp3
        type: audio/mpeg
        duration: \(Int(seconds.rounded()))
      \(extra)
      ---
      \(notes)
      """)
  }

  /// Writes a raw episode file.
  public func writeEpisode(_ name: String, _ text: String) throws {
    try folder.write("episodes/gesprekken/\(name)", text)
  }
}
