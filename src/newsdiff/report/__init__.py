"""Renderers: terminal (rich), JSON, CSV and HTML."""
