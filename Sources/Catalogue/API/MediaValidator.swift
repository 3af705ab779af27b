import Diagnostics
import Foundation
import MediaProbe
import PodcastVocabulary

/// Checks what the catalogue declares against what the files hold: durations, types, faststart,
/// and artwork against Apple's rules. Remote files are checked by `validate --remote`.
public struct MediaValidator: Sendable {
  public let catalogue: Catalogue

  public init(catalogue: Catalogue) { self.catalogue = catalogue }

  public func validate() -> [Finding] {
    var findings: [Finding] = []
    for show in catalogue.shows {
      findings += artwork(show.artwork, in: show, at: SourceLocation(file: show.file, line: show.lines["artwork"]))
      show.forEachEpisode { _, episode in
        findings += media(episode)
        findings += transcripts(episode, in: show)
        findings += soundbites(episode)
        if let artwork = episode.artwork {
          findings += self.artwork(artwork, in: show, at: location(episode, "artwork"))
        }
      }
    }
    return findings
  }

  func media(_ episode: Episode) -> [Finding] {
    guard let media = episode.media, let probe = media.probe else { return [] }
    let at = location(episode, "media.url")
    let name = media.reference.localPath ?? ""
    var findings = probe.findings.map { relocated($0, name: name, at: at) }
    let playable: Set<Container> = [.mp3, .mp4, .ogg, .flac, .wav, .webm, .matroska]
    guard let container = probe.container, playable.contains(container), let probedType = probe.mimeType else {
      if !findings.contains(where: { $0.severity == .error }) {
        findings.append(CatalogueRules.mediaFormat.finding(
          "\(name) is not audio or video Podium can read; publish MP3, M4A, MP4, M4V or MOV", at: at))
      }
      return findings
    }
    if let duration = probe.duration, abs(Double(media.duration) - duration) > 1 {
      let seconds = Int(duration.rounded())
      findings.append(CatalogueRules.mediaDuration.finding(
        "media.duration is \(media.duration) s but \(name) plays \(String(format: "%.2f", duration)) s; "
          + "write \(seconds), or leave duration out and Podium reads it", at: location(episode, "media.duration", or: "media.url")))
    }
    // A type that doesn't fit the file's extension is the feed rules' to report (APPLE-ENC-FORMATS,
    // on the enclosure as written); what only the file itself can tell is reported here.
    let typeFitsName = MediaTypes.appleEnclosures[media.reference.pathExtension].map {
      MediaTypes.matches(declared: media.type, expected: $0)
    } ?? true
    if typeFitsName, !MediaTypes.matches(declared: media.type, expected: probedType) {
      findings.append(CatalogueRules.mediaType.finding(
        "media.type is \(media.type) but \(name) is \(probedType); write type: \(probedType)",
        at: location(episode, "media.type", or: "media.url")))
    }
    let needsFaststart = container == .mp4 && (probe.width != nil || probedType.hasPrefix("audio/"))
    if needsFaststart, probe.faststart == false, !findings.contains(where: { $0.ruleID == ProbeRules.notFaststart.id }) {
      findings.append(ProbeRules.notFaststart.finding(
        "\(name) is not faststart: apps must download it whole before playing; re-mux it with "
          + "ffmpeg -i in.mp4 -c copy -movflags +faststart out.mp4", at: at))
    }
    return findings
  }

  /// Timed transcripts and captions: well-formed cues, in order, and within the episode.
  func transcripts(_ episode: Episode, in show: Show) -> [Finding] {
    var findings: [Finding] = []
    for transcript in episode.transcripts where ["text/vtt", "application/x-subrip", "application/srt"].contains(transcript.type) {
      let at = SourceLocation(file: episode.file, line: transcript.line)
      let captions = MediaProbe().probe(path: catalogue.fileURL(for: transcript.file, in: show).path)
      findings += captions.findings.map { relocated($0, name: transcript.file, at: at) }
      guard captions.container == .webvtt || captions.container == .srt else {
        if !captions.findings.contains(where: { $0.severity == .error }) {
          findings.append(CatalogueRules.mediaFormat.finding(
            "\(transcript.file) is not WebVTT or SRT, but its type says \(transcript.type)", at: at))
        }
        continue
      }
      let duration = episode.media?.probe?.duration ?? Double(episode.duration)
      findings += CaptionCheck.check(captions, mediaDuration: duration).map { relocated($0, name: transcript.file, at: at) }
    }
    return findings
  }

  /// Soundbites against what the file really plays. One that ends after the item's
  /// `itunes:duration` (and a second's rounding) is the feed rules' to report (P20-SOUNDBITE);
  /// what only the probe can tell, a soundbite in that last second past the real end, is
  /// reported here: one mistake, one finding.
  func soundbites(_ episode: Episode) -> [Finding] {
    guard let media = episode.media, let played = media.probe?.duration else { return [] }
    let name = media.reference.localPath ?? ""
    return episode.podcasting.soundbites.filter { $0.end > played + 0.05 && $0.end <= Double(media.duration) + 1 }
      .map { soundbite in
        CatalogueRules.soundbite.finding(
          "the soundbite from \(Self.seconds(soundbite.start)) s for \(Self.seconds(soundbite.duration)) s ends at "
            + "\(Self.seconds(soundbite.end)) s, but \(name) plays \(String(format: "%.2f", played)) s; move it or shorten it",
          at: SourceLocation(file: episode.file, line: soundbite.line))
      }
  }

  private static func seconds(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e12 ? String(Int(value)) : String(format: "%.2f", value)
  }

  func artwork(_ reference: MediaReference, in show: Show, at location: SourceLocation) -> [Finding] {
    guard case .local(let path) = reference else { return [] }
    let url = catalogue.fileURL(for: path, in: show)
    guard let size = EpisodeReader.fileSize(url) else { return [] }
    if let tooLarge = CatalogueFileKind.artwork.sizeProblem(path: path, size: size) {
      return [CatalogueRules.fileTooLarge.finding(tooLarge, at: location)]
    }
    let image = MediaProbe().probe(path: url.path)
    var findings: [Finding] = []
    let ext = url.pathExtension.lowercased()
    // A name Apple doesn't take (.gif, .webp) is the feed rules' to report, on the URL as written
    // (APPLE-IMG-FORMAT); what the file holds, only the catalogue can tell.
    guard ["jpg", "jpeg", "png"].contains(ext) else { return [] }
    guard image.container == .jpeg || image.container == .png else {
      let what = image.container.map { "a \($0.rawValue) file" } ?? "not an image Podium can read"
      return [CatalogueRules.artworkFormat.finding("\(path) is \(what); Apple takes only JPEG or PNG artwork", at: location)]
    }
    let expected = image.container == .jpeg ? ["jpg", "jpeg"] : ["png"]
    if !expected.contains(ext) {
      findings.append(CatalogueRules.artworkFormat.finding(
        "\(path) is a \(image.container?.rawValue ?? "?") file named .\(ext); rename it to .\(expected[0])", at: location))
    }
    if let model = image.colourModel, model != "rgb" {
      findings.append(CatalogueRules.artworkFormat.finding(
        "\(path) is \(model); Apple wants RGB artwork (convert it to sRGB)", at: location))
    }
    if let width = image.width, let height = image.height {
      if width != height {
        findings.append(CatalogueRules.artworkSize.finding("\(path) is \(width)×\(height); artwork must be square", at: location))
      } else if !(1400...3000).contains(width) {
        findings.append(CatalogueRules.artworkSize.finding(
          "\(path) is \(width)×\(height); Apple wants 1400×1400 to 3000×3000", at: location))
      }
    }
    if image.size > 512 * 1024 {
      findings.append(CatalogueRules.artworkFileSize.finding(
        "\(path) is \(image.size / 1024) KB; keep artwork under 512 KB so apps load it quickly", at: location))
    }
    return findings
  }

  private func relocated(_ finding: Finding, name: String, at location: SourceLocation) -> Finding {
    var moved = finding
    moved.message = "\(name): \(finding.message)"
    moved.location = location
    return moved
  }

  private func location(_ episode: Episode, _ key: String, or fallback: String? = nil) -> SourceLocation {
    SourceLocation(file: episode.file, line: episode.lines[key] ?? fallback.flatMap { episode.lines[$0] } ?? 1)
  }
}
