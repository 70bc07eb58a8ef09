"""Sharing: the patient's summary as one signed, expiring QR code, and the clinician's reader."""

__all__: list[str] = []
