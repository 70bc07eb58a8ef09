"""infocards: cards on low back pain, an encrypted treatment wallet and QR summaries."""

__all__ = ["__version__"]

__version__ = "0.1.0"
