"""The web app: pages to compare versions and edit a reform, over a JSON API that mirrors the CLI.

``create_app()`` builds the ASGI app (FastAPI); ``reformlab serve`` runs it with uvicorn. Every answer is
either the result or ``{"error": {message, field, ...}}`` with a 4xx status: the message is the one the CLI
prints for the same mistake.
"""

from __future__ import annotations

import contextlib
import json
from importlib import resources

import anyio.to_thread
import jinja2
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from reformlab import __version__
from reformlab.errors import ReformlabError
from reformlab.web import api_allocate, views
from reformlab.web.charts import comparison_charts
from reformlab.web.editor import decode_state, editor_fields, reform_yaml
from reformlab.web.guard import Guard, error_body
from reformlab.web.inputs import (
    DEFAULT_AFTER,
    DEFAULT_BEFORE,
    Version,
    constitution_of,
    example_label,
    examples,
    reform_of,
)
from reformlab.web.jobs import Busy, Jobs
from reformlab.web.schemas import (
    AllocateRequest,
    ClaimsRequest,
    CompareRequest,
    ControlRequest,
    PowerRequest,
    ReformRequest,
    RiskRequest,
    RobustRequest,
    ViewRequest,
)
from reformlab.web.service import Service

MAX_DRAWS = 2_000_000
#: Threads computing answers in one server process (more processes: ``reformlab serve --workers N``).
COMPUTE_THREADS = 4


class Answer(JSONResponse):
    """A JSON answer written by ``json.dumps`` (the answers are plain data already: FastAPI's generic
    encoder would walk each one again, about 6 ms for a control answer, more than the rest of a cached reply)."""

    def render(self, content) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def reformlab_error(exc: ReformlabError) -> dict:
    """The JSON of a user error: the CLI's one-line message, and its parts."""
    return error_body(exc.message(), kind="input", field=exc.field, problem=exc.problem, file=exc.file,
                      line=exc.line, fix=exc.fix)


def _validation_message(exc: RequestValidationError) -> tuple[str, str | None]:
    errors = exc.errors()
    if not errors:
        return "the request does not validate", None
    first = errors[0]
    if first.get("type") == "json_invalid":
        return "the request body is not valid JSON: " + str(first.get("ctx", {}).get("error", "malformed")) + ".", None
    location = [str(part) for part in first.get("loc", ()) if part != "body"]
    field = ".".join(location) or None
    more = f" ({len(errors) - 1} more problems)" if len(errors) > 1 else ""
    where = f"field '{field}': " if field else ""
    return f"{where}{first.get('msg', 'invalid value')}{more}.", field


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI):
    """Run the endpoints' computations on :data:`COMPUTE_THREADS` threads, not Starlette's default 40: they
    are pure Python and hold the GIL, so more threads only interleave them (each request then waits for all
    the others) and spend CPU switching. The event loop stays free to read requests and write answers."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = COMPUTE_THREADS
    yield


def create_app(service: Service | None = None) -> FastAPI:
    """The ASGI app; ``service`` (its caches) is shared by every request."""
    service = service or Service()
    jobs = Jobs()
    app = FastAPI(title="reformlab", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Who can pass or block each decision under a constitution, and how a reform moves power.")
    app.state.service, app.state.jobs = service, jobs
    static = resources.files("reformlab.web").joinpath("static")
    pages = jinja2.Environment(loader=jinja2.PackageLoader("reformlab.web", "templates"), autoescape=True)
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.exception_handler(ReformlabError)
    async def _user_error(request: Request, exc: ReformlabError):
        return JSONResponse(reformlab_error(exc), status_code=429 if isinstance(exc, Busy) else 422)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        message, field = _validation_message(exc)
        return JSONResponse(error_body(message, kind="input", field=field), status_code=422)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException):
        return JSONResponse(error_body(str(exc.detail), kind="http"), status_code=exc.status_code)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> HTMLResponse:
        return HTMLResponse(pages.get_template("index.html.j2").render(version=__version__))

    @app.get("/api/options", summary="What the pages can choose from")
    def options() -> dict:
        from reformlab.analysis.claims import load_claims
        from reformlab.data.election_results import built_in_elections
        from reformlab.electoral import METHODS
        from reformlab.engine.scenario import builtin_scenarios
        from reformlab.games import INDICES
        from reformlab.model import builtin_ids, load_builtin

        constitutions = {}
        for name in builtin_ids():
            document = load_builtin(name)
            constitutions[name] = {"label": document.label, "versions": [
                str(day) for day in document.versions]}
        claims = load_claims()
        return {
            "constitutions": constitutions, "defaults": {"before": DEFAULT_BEFORE, "after": DEFAULT_AFTER},
            "scenarios": {k: {"label": s.label, "constitution": s.constitution, "from": str(s.fits.from_),
                              "to": None if s.fits.to is None else str(s.fits.to)} for k, s in builtin_scenarios().items()},
            "examples": {k: example_label(p) for k, p in examples().items()},
            "indices": list(INDICES), "methods": list(METHODS), "elections": built_in_elections(),
            "claims": {"isaacs2008": claims["compare"]},
        }

    @app.post("/api/compare", response_class=Answer,
              summary="reformlab compare: what changed and how control and power moved")
    def api_compare(request: CompareRequest) -> Answer:
        return Answer(service.compare(request.before, request.after, request.index))

    @app.post("/api/charts", response_class=Answer,
              summary="The comparison's hemicycles, appointment graphs and power bars (SVG)")
    def api_charts(request: CompareRequest) -> Answer:
        key = {"before": request.before.key(), "after": request.after.key(), "index": request.index}
        return Answer(service.cached("charts", key, lambda: comparison_charts(
            service.comparison(request.before, request.after, request.index))))

    @app.post("/api/control", response_class=Answer,
              summary="reformlab control: who can pass or block each decision, with margins")
    def api_control(request: ControlRequest) -> Answer:
        return Answer(service.control(_version(request), tuple(request.camp)))

    @app.post("/api/power", response_class=Answer,
              summary="reformlab power: every index for every actor of every decision")
    def api_power(request: PowerRequest) -> Answer:
        return Answer(service.power(_version(request), tuple(request.indices)))

    @app.post("/api/claims", response_class=Answer,
              summary="reformlab claims: the study's claims, holds / fails / cannot tell")
    def api_claims(request: ClaimsRequest) -> Answer:
        return Answer(service.claims(request.claims, request.before, request.after))

    @app.post("/api/split", response_class=Answer,
              summary="reformlab compare's rules/election split: how much of each change the rules made")
    def api_split(request: ViewRequest) -> Answer:
        return Answer(service.view("split", request, lambda: views.split(
            service, request.before, request.after, request.camp)))

    @app.post("/api/robust", response_class=Answer,
              summary="reformlab compare --robust: each verdict over every reading of the assumptions")
    def api_robust(request: RobustRequest) -> Answer:
        return Answer(service.view("robust", request, lambda: views.robust(
            service, request.before, request.after, request.camp, request.samples, request.seed)))

    @app.post("/api/attribution", response_class=Answer,
              summary="reformlab decompose: each amendment's share of every decision's change (waterfalls)")
    def api_attribution(request: ViewRequest) -> Answer:
        return Answer(service.view("attribution", request, lambda: views.attribution(
            service, request.before, request.after, request.camp)))

    @app.post("/api/allocate", response_class=Answer, summary="reformlab allocate: votes to seats")
    def api_allocate_(request: AllocateRequest) -> Answer:
        return Answer(service.cached("allocate", request.model_dump(mode="json"),
                                     lambda: api_allocate.allocate(request)))

    @app.post("/api/show", response_class=Answer, summary="reformlab show: the constitution in force, every rule")
    def api_show(request: Version) -> Answer:
        return Answer(service.show(request))

    @app.post("/api/editor", response_class=Answer, summary="The editable rules of a version, as form fields")
    def api_editor(request: Version) -> Answer:
        return Answer(service.cached("editor", {"version": request.key()},
                                     lambda: {"fields": editor_fields(service.evaluation(request))}))

    @app.post("/api/reform", summary="Check a reform built by the editor and write it as YAML")
    def api_reform(request: ReformRequest) -> dict:
        constitution, reform = constitution_of(Version(reform=request.reform))
        return {"yaml": reform_yaml(request.reform, request.alignments), "changes": len(reform.changes),
                "version": f"{constitution.id}@{constitution.as_of}", "hash": Version(reform=request.reform).key()}

    @app.post("/api/reform/parse", summary="The reform an example or an uploaded YAML holds, as data")
    def api_reform_parse(request: Version) -> dict:
        from reformlab.yamlio import load_yaml

        reform = reform_of(request)
        if reform is None:
            raise ReformlabError("no reform given", field="reform_yaml", fix="send reform_yaml or example")
        if request.reform is not None:
            return {"reform": request.reform}
        text = request.reform_yaml if request.reform_yaml is not None else examples()[request.example].read_text(
            encoding="utf-8")
        return {"reform": load_yaml(text, "reform.yaml")[0]}

    @app.get("/api/reform.yaml", response_class=Response, summary="Download the reform a shared state encodes, as a YAML file")
    def api_reform_yaml(r: str = Query(..., max_length=60_000, description="base64url of {reform, alignments}")):
        state = decode_state(r)
        request = ReformRequest.model_validate({"reform": state.get("reform"), "alignments": state.get("alignments") or {}})
        constitution_of(Version(reform=request.reform))  # never offer a file that does not load
        text = reform_yaml(request.reform, request.alignments)
        name = "".join(ch for ch in str(request.reform.get("reform", "reform")) if ch.isalnum() or ch in "_-")[:60]
        return Response(text, media_type="application/x-yaml",
                        headers={"Content-Disposition": f'attachment; filename="{name or "reform"}.yaml"'})

    @app.post("/api/risk", summary="reformlab risk, as a job: start it, then poll GET /api/risk/{id}")
    def api_risk(request: RiskRequest) -> dict:
        from reformlab.analysis.risk import simulate

        if not 1 <= request.draws <= MAX_DRAWS:
            raise ReformlabError(f"the number of draws must be from 1 to {MAX_DRAWS:,}, got {request.draws}",
                                 field="--draws", fix="e.g. --draws 100000")
        sides = [service.evaluation(request.before), service.evaluation(request.after)]

        def work(job):
            result = simulate(sides, draws=request.draws, seed=request.seed, chunk=4096, progress=job.advance)
            return result.to_dict()

        def error_of(exc: Exception) -> dict:
            if isinstance(exc, ReformlabError):
                return reformlab_error(exc)["error"]
            return error_body(f"the simulation failed ({type(exc).__name__}); this is a bug in reformlab",
                              kind="internal")["error"]

        return jobs.start(request.draws, work, error_of).to_dict()

    @app.get("/api/risk/{job_id}", summary="A risk job's progress, and its result once done")
    def api_risk_job(job_id: str) -> dict:
        return jobs.get(job_id).to_dict()

    @app.delete("/api/risk/{job_id}", summary="Cancel a risk job")
    def api_risk_cancel(job_id: str) -> dict:
        return jobs.cancel(job_id).to_dict()

    app.add_middleware(Guard)
    return app


def _version(request: Version) -> Version:
    """The side part of a request that extends :class:`Version` (so the cache key ignores other options)."""
    return Version.model_validate(request.model_dump(include=set(Version.model_fields)))
