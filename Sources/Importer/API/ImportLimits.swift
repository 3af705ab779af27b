/// How much one import may fetch and read beyond the feed itself, so that a feed (hostile, or
/// just very large) can't make an import run, download or fill the disk without end. Each file
/// is also bounded on its own (``Fetcher/maximumSize``, LinkCheck's timeouts). Past a limit, what
/// was not fetched is a loss in the report, named with the limit and how to raise it; only too
/// many episodes stops the import, before anything is written.
public struct ImportLimits: Sendable, Hashable {
  /// Items read from the feed; a feed with more is refused. The longest-running daily shows have
  /// a few tens of thousands.
  public var maximumEpisodes = 100_000
  /// Chapters and transcripts fetched for one item; the files it links beyond these are losses.
  public var maximumSideFilesPerEpisode = 10
  /// Bytes of chapters and transcripts fetched in all.
  public var maximumSideBytes = 1024 * 1024 * 1024
  /// Seconds spent fetching chapters and transcripts and checking media in all (media downloads,
  /// asked for with `--download-media`, are not counted).
  public var maximumNetworkSeconds: Double = 900
  /// Bytes of media read to probe durations, in all. Each file costs at most 512 KB (most, 130 KB:
  /// its first and last blocks), so the default covers some 8,000 episodes at the least; past it,
  /// the rest are named as not read. Probes stop between batches, so a batch may pass it by a few
  /// MB.
  public var maximumProbeBytes: Int64 = 4 * 1024 * 1024 * 1024

  public init() {}
}
