"""Taggers: names (built-in or camel-tools), dates and figures."""
