"""One picture from the device camera (flet-camera), shown in a box while it is taken."""

from __future__ import annotations

import asyncio

import flet as ft

__all__ = ["take_picture"]

_SETTLE_SECONDS = 0.5  # let exposure settle before the first picture


async def take_picture(box: ft.Container) -> bytes | None:
    """A picture from the back camera (else the first one), or None without camera or permission."""
    from flet_camera import Camera, ResolutionPreset

    camera = Camera(expand=True)
    box.content = camera
    box.visible = True
    box.update()
    try:
        cameras = await camera.get_available_cameras()
        if not cameras:
            return None
        back = next((c for c in cameras if "back" in str(c.lens_direction).lower()), cameras[0])
        await camera.initialize(back, ResolutionPreset.HIGH, enable_audio=False)
        await asyncio.sleep(_SETTLE_SECONDS)
        return await camera.take_picture()
    except (RuntimeError, TimeoutError, ValueError):
        return None  # no permission, or the camera would not start
    finally:
        box.visible = False
        box.update()
