import ArgumentParser
import FeedWriter
import Foundation
import Publisher

extension ChapterDialects.Format: ExpressibleByArgument {}

extension Podium {
  struct Chapters: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print an episode's chapters in any dialect, or write them into its MP3 or MP4 file.",
      discussion: """
        The chapters are the front matter's, or else the media file's own. --embed writes the front matter's \
        into the media (ID3v2 CHAP/CTOC in an MP3; in an MP4 both a QuickTime chapter track, which Apple's \
        players read, and a chpl box, which others read, replacing any chapters already there), for apps that \
        read only embedded chapters: the new file is written beside the old one and swapped in, and the front matter's \
        media.length is updated. An episode already published is refused unless --allow-enclosure-change \
        (docs/catalogue.md, Chapters).
        """)

    @Argument(help: "The episode's file, e.g. episodes/gesprekken/2024-03-14-de-buurt-beslist.md.")
    var episode: String

    @Option(help: "json (Podcasting 2.0), psc (Podlove Simple Chapters), vtt (WebVTT) or text (00:00 Title lines).")
    var format: ChapterDialects.Format = .text

    @Flag(help: "Write the catalogue's chapters into the episode's MP3 or MP4 file.")
    var embed = false

    @Flag(help: "Let --embed rewrite the media of an episode that was already published (apps may download it again).")
    var allowEnclosureChange = false

    @OptionGroup var options: CatalogueOptions

    func run() throws {
      let chapters = EpisodeChapters(catalogueURL: options.catalogueURL, outputURL: options.outputURL)
      do {
        guard embed else {
          FileHandle.standardOutput.write(try chapters.render(episode, format: format))
          return
        }
        let done = try chapters.embed(episode, allowEnclosureChange: allowEnclosureChange)
        print("wrote \(done.chapters) chapters into \(done.media) (\(done.oldLength) → \(done.newLength) bytes)")
        if done.lengthUpdated { print("updated media.length in the front matter to \(done.newLength)") }
      } catch let failure as EpisodeChapters.Failure {
        // What went wrong and what to do, without the usage text: the command was used right.
        FileHandle.standardError.write(Data("error: \(failure.description)\n".utf8))
        throw ExitCode.failure
      }
    }
  }
}
