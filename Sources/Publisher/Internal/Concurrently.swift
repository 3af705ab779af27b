import Dispatch

/// Runs two independent pieces of work at once: the second on another thread, the first on
/// the calling one. The first may spread over every core itself (the feed rules do): a
/// `concurrentPerform` started from inside another one runs its iterations one by one.
enum Concurrently {
  static func run<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    withoutActuallyEscaping(second) { second in
      let slot = Slot(work: second)
      DispatchQueue.global().async { slot.run() }
      let a = first()
      slot.done.wait()
      guard let b = slot.result else { preconditionFailure("the second piece of work ran") }
      return (a, b)
    }
  }

  /// Written by the other thread before it signals `done`, read after.
  private final class Slot<B>: @unchecked Sendable {
    private var work: (() -> B)?
    var result: B?
    let done = DispatchSemaphore(value: 0)

    init(work: @escaping () -> B) { self.work = work }

    func run() {
      result = work?()
      work = nil  // let go of the closure before the caller may return
      done.signal()
    }
  }
}
