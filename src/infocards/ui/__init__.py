"""The Flet user interface: views only read state and call the flet-free core."""
