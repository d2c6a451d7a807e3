"""events-tui: who said what, city by city, about federal immigration enforcement, each quote tied to its source."""

__version__ = "0.1.0"
