/// A sequence of requests for one URL, decided one answer at a time (HEAD, redirects, then GET).
/// A job must end (return nil) after any failed response, so the pool always drains.
protocol TransferJob: AnyObject {
  /// The next request, given the answer to the previous one (nil at the start); nil when done.
  func next(after response: TransferResponse?) -> TransferRequest?
}
