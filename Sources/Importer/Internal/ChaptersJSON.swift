import Foundation
import Catalogue

/// Podcasting 2.0 JSON chapters (https://github.com/Podcastindex-org/podcast-namespace/blob/main/chapters/jsonChapters.md)
/// as catalogue chapters, which `build` writes back as JSON at the new address.
enum ChaptersJSON {
  static func chapters(from data: [UInt8], losses: inout [ImportLoss]) -> [YAMLEmitter.Value]? {
    guard let object = try? JSONSerialization.jsonObject(with: Data(data)) as? [String: Any],
      let list = object["chapters"] as? [[String: Any]]
    else { return nil }
    var nodes: [YAMLEmitter.Value] = []
    for (index, chapter) in list.enumerated() {
      guard let start = (chapter["startTime"] as? NSNumber)?.doubleValue, start >= 0, start.isFinite else {
        losses.append(ImportLoss("podcast:chapters", "chapter \(index + 1) has no startTime and was left out"))
        continue
      }
      let title = (chapter["title"] as? String).map { $0.trimmingWhitespace }.flatMap { $0.isEmpty ? nil : $0 }
      if title == nil {
        losses.append(ImportLoss("podcast:chapters", "chapter \(index + 1) had no title; it is called 'Chapter \(index + 1)'"))
      }
      let dropped = ["endTime", "location"].filter { chapter[$0] != nil }
      if !dropped.isEmpty {
        losses.append(ImportLoss("podcast:chapters", "chapter \(index + 1): \(dropped.joined(separator: ", ")) not held by the catalogue"))
      }
      nodes.append(ChapterNodes.chapter(
        start: start, title: title ?? "Chapter \(index + 1)", url: chapter["url"] as? String, img: chapter["img"] as? String,
        toc: (chapter["toc"] as? Bool) ?? true, losses: &losses, line: nil))
    }
    return nodes
  }
}
