"""Feeds for the whole site, each author, section and tag: RSS 2.0, Atom 1.0 and JSON Feed 1.1.

entries.py turns posts into format-neutral entries; generators.py writes the three formats;
views.py holds the one Feed base and its scopes; websub.py tells a hub about every feed a
publication touched.
"""
