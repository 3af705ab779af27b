import ObjectStore

extension PublishReport.Failure {
  /// A store's error as the failure of what the publish was doing (`listing s3://bucket`). An
  /// S3 store's messages already say what was asked of which bucket and what it answered, so
  /// those stand alone; a folder's name only the file.
  init(_ error: ObjectStoreError, key: String?, doing: String, location: String) {
    self.init(
      key: key ?? error.key,
      message: error.message.contains(location) ? error.message : "\(doing) failed: \(error.message)")
  }
}
