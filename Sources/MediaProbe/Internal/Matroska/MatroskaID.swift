/// The Matroska and EBML element IDs the probe reads (RFC 8794, RFC 9559).
enum MatroskaID {
  static let ebml: UInt32 = 0x1A45_DFA3
  static let docType: UInt32 = 0x4282
  static let segment: UInt32 = 0x1853_8067
  static let seekHead: UInt32 = 0x114D_9B74
  static let seek: UInt32 = 0x4DBB
  static let seekID: UInt32 = 0x53AB
  static let seekPosition: UInt32 = 0x53AC
  static let info: UInt32 = 0x1549_A966
  static let timestampScale: UInt32 = 0x2A_D7B1
  static let duration: UInt32 = 0x4489
  static let title: UInt32 = 0x7BA9
  static let tracks: UInt32 = 0x1654_AE6B
  static let trackEntry: UInt32 = 0xAE
  static let trackNumber: UInt32 = 0xD7
  static let trackType: UInt32 = 0x83
  static let codecDelay: UInt32 = 0x56AA
  static let codecID: UInt32 = 0x86
  static let codecPrivate: UInt32 = 0x63A2
  static let defaultDuration: UInt32 = 0x23_E383
  static let language: UInt32 = 0x22_B59C
  static let languageBCP47: UInt32 = 0x22_B59D
  static let video: UInt32 = 0xE0
  static let pixelWidth: UInt32 = 0xB0
  static let pixelHeight: UInt32 = 0xBA
  static let audio: UInt32 = 0xE1
  static let samplingFrequency: UInt32 = 0xB5
  static let outputSamplingFrequency: UInt32 = 0x78B5
  static let channels: UInt32 = 0x9F
  static let chapters: UInt32 = 0x1043_A770
  static let editionEntry: UInt32 = 0x45B9
  static let chapterAtom: UInt32 = 0xB6
  static let chapterTimeStart: UInt32 = 0x91
  static let chapterTimeEnd: UInt32 = 0x92
  static let chapterFlagHidden: UInt32 = 0x98
  static let chapterDisplay: UInt32 = 0x80
  static let chapString: UInt32 = 0x85
  static let tags: UInt32 = 0x1254_C367
  static let tag: UInt32 = 0x7373
  static let targets: UInt32 = 0x63C0
  static let targetTypeValue: UInt32 = 0x68CA
  static let simpleTag: UInt32 = 0x67C8
  static let tagName: UInt32 = 0x45A3
  static let tagString: UInt32 = 0x4487
  static let cluster: UInt32 = 0x1F43_B675
  static let clusterTimestamp: UInt32 = 0xE7
  static let simpleBlock: UInt32 = 0xA3
  static let blockGroup: UInt32 = 0xA0
  static let block: UInt32 = 0xA1
  static let blockDuration: UInt32 = 0x9B
  static let discardPadding: UInt32 = 0x75A2
  /// What a Cluster may hold besides blocks; anything else after the last one ends it.
  static let clusterChildren: Set<UInt32> = [clusterTimestamp, simpleBlock, blockGroup, 0xA7, 0xAB, 0xEC, 0xBF, 0x5854, 0xAF]

  /// Elements the header scan reads whole; the rest are stepped over by their size.
  static let parsedMasters: Set<UInt32> = [seekHead, info, tracks, chapters, tags]

  static func name(_ id: UInt32) -> String {
    switch id {
    case ebml: "EBML header"
    case segment: "Segment"
    case seekHead: "SeekHead"
    case info: "Info"
    case tracks: "Tracks"
    case chapters: "Chapters"
    case tags: "Tags"
    case cluster: "Cluster"
    default: "element 0x\(String(id, radix: 16, uppercase: true))"
    }
  }
}
