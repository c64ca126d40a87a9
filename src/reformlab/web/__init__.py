"""The web app: compare versions, edit a reform in the browser and watch power move (``reformlab serve``).

``create_app()`` builds the ASGI app (FastAPI, served by uvicorn); the pages and the JSON API under
``/api`` share the same computations (:mod:`reformlab.web.service`), described at ``/openapi.json``.
FastAPI and uvicorn come with the ``web`` extra: ``pip install 'reformlab[web]'``.
"""


def create_app(*args, **kwargs):
    """The ASGI app (see :func:`reformlab.web.app.create_app`)."""
    from reformlab.web.app import create_app as build

    return build(*args, **kwargs)


__all__ = ["create_app"]
