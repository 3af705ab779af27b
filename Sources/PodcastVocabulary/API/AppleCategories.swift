import Foundation

/// Apple Podcasts' category list, verbatim (https://podcasters.apple.com/support/1691-apple-podcasts-categories).
/// Case and `&` matter: Apple ignores a category that differs in any character.
public enum AppleCategories {
  /// Top-level categories with their subcategories, in Apple's order.
  public static let all: [(name: String, subcategories: [String])] = [
    ("Arts", ["Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"]),
    ("Business", ["Careers", "Entrepreneurship", "Investing", "Management", "Marketing", "Non-Profit"]),
    ("Comedy", ["Comedy Interviews", "Improv", "Stand-Up"]),
    ("Education", ["Courses", "How To", "Language Learning", "Self-Improvement"]),
    ("Fiction", ["Comedy Fiction", "Drama", "Science Fiction"]),
    ("Government", []),
    ("History", []),
    ("Health & Fitness", ["Alternative Health", "Fitness", "Medicine", "Mental Health", "Nutrition", "Sexuality"]),
    ("Kids & Family", ["Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"]),
    ("Leisure", [
      "Animation & Manga", "Automotive", "Aviation", "Crafts", "Games", "Hobbies", "Home & Garden", "Video Games",
    ]),
    ("Music", ["Music Commentary", "Music History", "Music Interviews"]),
    ("News", [
      "Business News", "Daily News", "Entertainment News", "News Commentary", "Politics", "Sports News", "Tech News",
    ]),
    ("Religion & Spirituality", [
      "Buddhism", "Christianity", "Hinduism", "Islam", "Judaism", "Religion", "Spirituality",
    ]),
    ("Science", [
      "Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics", "Natural Sciences", "Nature",
      "Physics", "Social Sciences",
    ]),
    ("Society & Culture", ["Documentary", "Personal Journals", "Philosophy", "Places & Travel", "Relationships"]),
    ("Sports", [
      "Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf", "Hockey", "Rugby", "Running",
      "Soccer", "Swimming", "Tennis", "Volleyball", "Wilderness", "Wrestling",
    ]),
    ("Technology", []),
    ("True Crime", []),
    ("TV & Film", ["After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"]),
  ]

  /// Subcategories by top-level category.
  public static let byName: [String: Set<String>] = Dictionary(
    uniqueKeysWithValues: all.map { ($0.name, Set($0.subcategories)) })

  /// Apple's list before the 2019 update: W3C calls these `ObsoleteItunesCategory`.
  public static let obsolete: [String: Set<String>] = [
    "Arts": ["Literature"],
    "Business": ["Business News", "Management & Marketing", "Shopping"],
    "Education": ["Educational Technology", "Higher Education", "K-12", "Language Courses", "Training"],
    "Games & Hobbies": ["Automotive", "Aviation", "Hobbies", "Other Games", "Video Games"],
    "Government & Organizations": ["Local", "National", "Non-Profit", "Regional"],
    "Health": ["Alternative Health", "Fitness & Nutrition", "Self-Help", "Sexuality"],
    "News & Politics": [],
    "Religion & Spirituality": ["Other"],
    "Science & Medicine": ["Medicine", "Natural Sciences", "Social Sciences"],
    "Society & Culture": ["History"],
    "Sports & Recreation": ["Amateur", "College & High School", "Outdoor", "Professional"],
    "Technology": ["Gadgets", "Podcasting", "Software How-To", "Tech News"],
  ]

  /// The current top-level category a subcategory name belongs to, if any.
  public static let parentOfSubcategory: [String: String] = {
    var parents: [String: String] = [:]
    for (parent, subcategories) in all { for subcategory in subcategories { parents[subcategory] = parent } }
    return parents
  }()
}
