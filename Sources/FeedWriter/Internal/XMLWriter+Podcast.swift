import Catalogue
import PodiumXML

/// Elements that channel and item share.
extension XMLWriter {
  func persons(_ persons: [Person]) throws {
    for person in persons {
      try startElement("podcast:person")
      try attribute("role", person.role)
      try attribute("group", person.group)
      if let img = person.img { try attribute("img", img) }
      if let href = person.href { try attribute("href", href) }
      try text(person.name)
      try endElement()
    }
  }

  func funding(_ funding: [Funding]) throws {
    for item in funding {
      try element("podcast:funding", item.text, attributes: ["url": item.url])
    }
  }

  func license(_ license: License?) throws {
    guard let license else { return }
    try startElement("podcast:license")
    if let url = license.url { try attribute("url", url) }
    try text(license.name)
    try endElement()
  }

  func location(_ location: Location?) throws {
    guard let location else { return }
    try startElement("podcast:location")
    if let rel = location.rel { try attribute("rel", rel) }
    if let geo = location.geo { try attribute("geo", geo) }
    if let osm = location.osm { try attribute("osm", osm) }
    if let country = location.country { try attribute("country", country) }
    try text(location.name)
    try endElement()
  }

  func explicit(_ value: Bool) throws {
    try element("itunes:explicit", value ? "true" : "false")
  }
}
