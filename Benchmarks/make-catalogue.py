#!/usr/bin/env python3
"""Writes a catalogue of N episodes (default 10,000) in one show, for the build benchmark, or
spread over S shows (`make-catalogue.py FOLDER N S`: a network, each show `show-0001`, ...).

Each episode has realistic front matter (remote https media with length, type and duration,
season and episode numbers, themes, two chapters) and about 1 KB of Markdown show notes.
"""
import os
import sys
import uuid

def main():
    target = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    shows = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    os.makedirs(target, exist_ok=True)
    with open(os.path.join(target, "podium.yaml"), "w") as f:
        f.write("base_url: https://feeds.podium.test/\nmedia_base_url: https://media.podium.test/\n"
                "language: nl-BE\npublisher: Socius\ncopyright: © Socius\nwebsite: https://podium.test/\n")
    folders = ["bench"] if shows == 1 else [f"show-{n + 1:04d}" for n in range(shows)]
    for name in folders:
        os.makedirs(os.path.join(target, name), exist_ok=True)
        with open(os.path.join(target, name, "show.yaml"), "w") as f:
            f.write(f"title: Benchmark{'' if shows == 1 else ' ' + name}\ndescription: Tienduizend afleveringen.\ncategories: [Government]\n"
                    "artwork: https://podium.test/art.jpg\nauthor: Socius\n")
    per_show = -(-count // shows)
    namespace = uuid.UUID("12345678-1234-5678-1234-567812345678")
    notes = ("Een aflevering over **burgers** die de samenleving mee vormgeven, met een [link]"
             "(https://podium.test/meer) en een lijst:\n\n- duurzaamheid\n- mobiliteit\n- welzijn en zorg\n\n"
             "> Iedereen is op zijn of haar manier politiek.\n\n") * 3
    for i in range(count):
        show = os.path.join(target, folders[i // per_show])
        # Dates by the episode's place in its show; GUIDs and media URLs by its place in the catalogue.
        n = i % per_show
        day = n % 28 + 1
        month = (n // 28) % 12 + 1
        year = 2000 + n // 336
        date = f"{year:04d}-{month:02d}-{day:02d}"
        guid = uuid.uuid5(namespace, str(i))
        with open(os.path.join(show, f"{date}-aflevering-{i}.md"), "w") as f:
            f.write(f"---\ntitle: Aflevering {i} over burgerschap & samenleving\ndate: {date}T09:00:00+01:00\n"
                    f"guid: {guid}\nseason: {year - 1999}\nepisode: {n + 1}\n"
                    f"media:\n  url: https://media.podium.test/bench/{i}.mp3\n  length: {1_000_000 + i}\n"
                    f"  type: audio/mpeg\n  duration: {1800 + i % 600}\n"
                    f"themes: [democratie, mobiliteit]\nchapters:\n  - start: 0\n    title: Begin\n"
                    f"  - start: 60\n    title: Gesprek\n---\n{notes}")

if __name__ == "__main__":
    main()
