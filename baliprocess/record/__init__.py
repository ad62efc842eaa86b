"""The record of the Bali Process as its five seed documents tell it.

- `sources/`: copies of the seed texts; each becomes a public document.
- `keys`, `facts`: the slugs the data modules share, and the shapes of facts.
- `participants`, `meetings`, `workshops`, `groups`, `documents`, `outcomes`:
  the facts, as Python structures, each commented where a choice was made.
- `loader.record_load`: writes them, idempotently (`manage.py load_record`).
- `demo.demo_content_ensure`: labelled demonstration documents for
  development (`manage.py load_demo_content`).
"""
