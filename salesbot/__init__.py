"""SalesBot: an open-source B2B sales-training simulator."""

__version__ = "0.1.0"
