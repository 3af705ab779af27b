import Dispatch

/// Runs two independent pieces of work at once, one per core, and returns both results.
enum Concurrently {
  static func run<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    withoutActuallyEscaping(first) { first in
      withoutActuallyEscaping(second) { second in
        let slots = Slots(first: first, second: second)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
          if index == 0 { slots.a = slots.first() } else { slots.b = slots.second() }
        }
        guard let a = slots.a, let b = slots.b else { preconditionFailure("concurrentPerform ran every iteration") }
        return (a, b)
      }
    }
  }

  /// Each slot is written by one iteration and read after both finished.
  private final class Slots<A, B>: @unchecked Sendable {
    let first: () -> A
    let second: () -> B
    var a: A?
    var b: B?

    init(first: @escaping () -> A, second: @escaping () -> B) {
      self.first = first
      self.second = second
    }
  }
}
