/// One page of ListMultipartUploads: uploads begun and neither completed nor aborted.
/// https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListMultipartUploads.html
struct MultipartUploadsPage {
  var uploads: [(key: String, uploadID: String)]
  /// The markers for the next page; nil on the last.
  var next: (keyMarker: String, uploadIDMarker: String)?

  init?(_ body: [UInt8]) {
    guard let root = S3XML.parse(body), root.name == "ListMultipartUploadsResult" else { return nil }
    uploads = root.all("Upload").compactMap { upload in
      guard let key = upload.child("Key")?.text, let id = upload.child("UploadId")?.trimmed, !id.isEmpty else {
        return nil
      }
      return (key, id)
    }
    if root.child("IsTruncated")?.trimmed == "true", let key = root.child("NextKeyMarker")?.text {
      next = (key, root.child("NextUploadIdMarker")?.trimmed ?? "")
    }
  }
}
