/// What a family's rules keep from item to item: everything about a feed that one item's own
/// result can't say. Kept beside the family's findings (``FindingList``), so that an item checked
/// now and an item given again from a memo meet the same state.
struct AcrossItems {
  /// Keys of ``ItemEvent/once(key:rule:message:line:)`` already reported.
  var reported: Set<String> = []
  /// The first use of each GUID or enclosure URL (one family keeps one kind).
  var firstUse = FirstUse()
  /// The date and line of the last item with a readable date, for RSS-ITEM-ORDER.
  var previousDate: (seconds: Int, line: Int)?
  /// Set once the order was reported, or from the start for a serial show (listed oldest first).
  var reportedOrder = false
}
