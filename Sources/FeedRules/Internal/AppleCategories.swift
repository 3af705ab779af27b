/// Apple Podcasts categories, verbatim from feed-rules.md §3 (Apple's list, 2019 onwards),
/// and the pre-2019 names that are obsolete but still seen in old feeds.
enum AppleCategories {
  /// Top-level category → its subcategories, exactly as Apple spells them.
  static let current: [String: Set<String>] = [
    "Arts": ["Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"],
    "Business": ["Careers", "Entrepreneurship", "Investing", "Management", "Marketing", "Non-Profit"],
    "Comedy": ["Comedy Interviews", "Improv", "Stand-Up"],
    "Education": ["Courses", "How To", "Language Learning", "Self-Improvement"],
    "Fiction": ["Comedy Fiction", "Drama", "Science Fiction"],
    "Government": [],
    "History": [],
    "Health & Fitness": ["Alternative Health", "Fitness", "Medicine", "Mental Health", "Nutrition", "Sexuality"],
    "Kids & Family": ["Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"],
    "Leisure": [
      "Animation & Manga", "Automotive", "Aviation", "Crafts", "Games", "Hobbies", "Home & Garden", "Video Games",
    ],
    "Music": ["Music Commentary", "Music History", "Music Interviews"],
    "News": [
      "Business News", "Daily News", "Entertainment News", "News Commentary", "Politics", "Sports News", "Tech News",
    ],
    "Religion & Spirituality": [
      "Buddhism", "Christianity", "Hinduism", "Islam", "Judaism", "Religion", "Spirituality",
    ],
    "Science": [
      "Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics", "Natural Sciences", "Nature",
      "Physics", "Social Sciences",
    ],
    "Society & Culture": ["Documentary", "Personal Journals", "Philosophy", "Places & Travel", "Relationships"],
    "Sports": [
      "Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf", "Hockey", "Rugby", "Running",
      "Soccer", "Swimming", "Tennis", "Volleyball", "Wilderness", "Wrestling",
    ],
    "Technology": [],
    "True Crime": [],
    "TV & Film": ["After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"],
  ]

  /// Apple's list before the 2019 update: W3C calls these `ObsoleteItunesCategory`.
  static let obsolete: [String: Set<String>] = [
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
  static let parentOfSubcategory: [String: String] = {
    var parents: [String: String] = [:]
    for (parent, subcategories) in current { for subcategory in subcategories { parents[subcategory] = parent } }
    return parents
  }()
}
