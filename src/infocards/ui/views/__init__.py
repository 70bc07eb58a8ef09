"""One module per view; each exposes view(state, nav, **route_params) -> ft.View."""
