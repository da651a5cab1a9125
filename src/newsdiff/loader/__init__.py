"""Loading files into `Article`s: discovery, decoding, page parsing, scraper records."""
from .files import discover, load_file

__all__ = ["discover", "load_file"]
