/// What a request was for, in the producer's words, to begin an error message with.
enum S3Action: Sendable {
  case list
  case listUploads
  case head(String)
  case upload(String)
  case part(String, number: Int)
  case cleanUp(String)
  case crossOrigin
  case readIndex
  case writeIndex

  func describe(_ location: String) -> String {
    switch self {
    case .list: "Listing \(location)"
    case .listUploads: "Listing unfinished uploads in \(location)"
    case .head(let key): "Looking up \(key) in \(location)"
    case .upload(let key): "Uploading \(key) to \(location)"
    case .part(let key, let number): "Uploading part \(number) of \(key) to \(location)"
    case .cleanUp(let key): "Cleaning up an unfinished upload of \(key) in \(location)"
    case .crossOrigin: "Setting the cross-origin (CORS) rule of \(location)"
    case .readIndex: "Reading Podium's digest index from \(location)"
    case .writeIndex: "Writing Podium's digest index to \(location)"
    }
  }

  var key: String? {
    switch self {
    case .head(let key), .upload(let key), .part(let key, _), .cleanUp(let key): key
    case .list, .listUploads, .crossOrigin, .readIndex, .writeIndex: nil
    }
  }
}
